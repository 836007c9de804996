"""The shared cache keeps one Redis client per connection pool (no connection is opened here)."""

from wijkkoers.core.cache import SharedClientRedisCache


def test_the_redis_cache_reuses_one_client_per_pool():
    cache = SharedClientRedisCache("redis://127.0.0.1:6379/15", {})
    first = cache._cache.get_client("a")
    again = cache._cache.get_client("b", write=True)

    assert first is again
    assert first.connection_pool is cache._cache._get_connection_pool(write=False)
