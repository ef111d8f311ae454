# Kehilot production image: gunicorn (web), celery worker and beat share it.
# Build: docker compose build    (see docs/deploy.md)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    STATIC_ROOT=/app/static_collected \
    MEDIA_ROOT=/app/media

# gettext provides msgfmt for compilemessages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first, read from pyproject.toml, so a code change does not
# reinstall them (layer cache).
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
# Editable, so the code runs from /app: settings find templates/, cms/static and
# cms/locale next to the packages (BASE_DIR), which a site-packages copy would lack.
RUN pip install --no-deps -e .

# Static files and translations are baked into the image. The production settings
# refuse to load without SECRET_KEY/ALLOWED_HOSTS, so this step (only) gets dummy
# values; the running containers get the real ones from .env.
RUN export SECRET_KEY=build-time-only-dummy-key-never-used-at-runtime-0123456789 \
           ALLOWED_HOSTS=build.invalid \
    && python manage.py collectstatic --noinput -v0 \
    && if [ -d cms/locale ]; then python manage.py compilemessages -v0; fi

# Code stays root-owned and read-only for the app user; only media is writable.
RUN mkdir -p /app/media && chown app:app /app/media
USER app

EXPOSE 8000
CMD ["gunicorn", "--config", "/app/docker/gunicorn.conf.py", "cms.wsgi:application"]
