# gunicorn -c deploy/gunicorn.conf.py wijkkoers.wsgi
import os

# Only the proxy on this machine talks to gunicorn: nothing else can reach it, so the
# forwarding headers below can only come from the proxy.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The same variable settings.py reads: with more than one worker, production requires a
# shared cache (REDIS_URL), because login throttling must count across all workers.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = 60
accesslog = "-"
pythonpath = "src"

# HTTPS ends at the proxy, which tells us the original scheme in X-Forwarded-Proto.
# gunicorn believes that header only from the addresses in forwarded_allow_ips (the
# proxy) and then sets the request's scheme (wsgi.url_scheme), which Django uses for
# request.is_secure(), secure redirects and CSRF. From any other address the header is
# ignored, so settings.py does not set SECURE_PROXY_SSL_HEADER (Django would trust the
# header from anyone). Set FORWARDED_ALLOW_IPS to the proxy's address if it runs elsewhere.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
