# gunicorn -c deploy/gunicorn.conf.py wijkkoers.wsgi
bind = "127.0.0.1:8000"
workers = 3
timeout = 60
accesslog = "-"
pythonpath = "src"
