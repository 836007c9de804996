"""The shared cache (Redis) with one client per process instead of one per call.

Django's Redis backend builds a new `redis.Redis` client for every cache call; each one
builds its table of about 170 reply handlers, which cost more CPU than the round trip it
wraps (a stored method page was answered in about 1 ms, most of it here). A client is only
a handle on the connection pool and is safe to share between threads (redis-py's
documentation), so each pool gets one, made on first use. The pool itself notices a fork
and opens new connections in the child, as before.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
