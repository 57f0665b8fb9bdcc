# Silta production image: gunicorn behind a TLS-terminating proxy.
# Migrations are a separate step: docker compose run --rm web python manage.py migrate
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The same install step as `make run`: pip install -r requirements.txt
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .

# Part of every page-cache key; unset, a hash of the code is used instead.
# docker build --build-arg RELEASE="$(git rev-parse --short HEAD)" .
ARG RELEASE=""
ENV RELEASE=${RELEASE}

# collectstatic needs a key at build time only; the real one comes from the environment.
RUN SECRET_KEY=build-only-key DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --no-input \
    && rm -f /tmp/build.sqlite3 \
    && useradd --system --uid 10001 --home-dir /app silta \
    && mkdir -p /app/media /app/var \
    && chown -R silta /app/media /app/var

USER 10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health/', timeout=4).status == 200 else 1)"]

# The background-task worker is the same image with another command:
# python manage.py db_worker (the `worker` service in docker-compose.yml).
CMD ["gunicorn", "--config", "config/gunicorn.py", "config.wsgi:application"]
