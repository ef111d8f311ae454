"""Settings shared by every environment, read from the environment (django-environ).

Each variable in ``ENVIRONMENT`` (README) has a default that suits ``make run``:
SQLite in the project directory, a local-memory cache, eager Celery tasks and the
database search backend. Production overrides the insecure defaults and refuses to
start without real values (see ``production.py``).
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _
from machina import MACHINA_MAIN_TEMPLATE_DIR  # a path only: imports no machina code

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A .env file is optional; the environment always wins over it.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# Only the dev and test settings use this; production refuses it (see production.py).
INSECURE_DEV_SECRET_KEY = "insecure-dev-only-key-never-use-in-production"
SECRET_KEY = env("SECRET_KEY", default=INSECURE_DEV_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

CORE_APPS = [
    "cms",
    "plugins",
    "search",
    # The forum: our `forum` app *is* machina's `forum` app (label "forum"; machina's
    # override mechanism, see forum/apps.py) and comes before machina's other apps so
    # its Hebrew catalogue and templates win. forum_permission is overridden too
    # (our permission handler: hidden areas, network staff).
    "forum",
    "forum.machina_apps.forum_permission",
    "machina",
    "machina.apps.forum_conversation",
    "forum.machina_apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_feeds",
    "machina.apps.forum_moderation",
    "machina.apps.forum_search",
    "machina.apps.forum_tracking",
    "machina.apps.forum_member",
    "mptt",
    "haystack",  # machina imports it; our search serves its page (forum/views.py)
    "widget_tweaks",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_tasks",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # One forum permission handler per request (ours, via machina's get_class).
    "forum.middleware.ForumPermissionMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Machina names its templates relative to its own directory ("forum/…",
        # "board_base.html"): our overrides in templates/machina/ come first.
        "DIRS": [
            BASE_DIR / "templates",
            BASE_DIR / "templates" / "machina",
            MACHINA_MAIN_TEMPLATE_DIR,
        ],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
                "cms.context_processors.site_chrome",
                "machina.core.context_processors.metadata",
            ],
        },
    },
]

# --- Data stores ---------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the dev server read while a seed or a worker writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL;"
    )
# Reuse connections between requests (0 = a new one per request, the dev default).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kehilot",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Machina keeps uploads between a post's preview and its submission here; it must
# be shared by every web worker (Redis), else a directory.
CACHES["machina_attachments"] = (
    {**CACHES["default"], "KEY_PREFIX": "kehilot-attachments", "TIMEOUT": 3600}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env(
            "FORUM_ATTACHMENT_CACHE_DIR", default="/tmp/kehilot-forum-attachments"
        ),
        "TIMEOUT": 3600,
    }
)

# --- Background work -----------------------------------------------------------
# Without a broker every task runs inline, so ``make run`` needs nothing else.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "end-expired-memberships": {
        "task": "cms.tasks.end_expired_memberships",
        "schedule": 60 * 60,
    },
    # Picks up what an engine outage or a lost worker left in the search outbox.
    "search-drain-outbox": {
        "task": "search.tasks.drain_outbox",
        "schedule": 60,
    },
    # Forum emails whose batching window is over (forum.notifications).
    "forum-send-due-notifications": {
        "task": "forum.tasks.send_due_notifications",
        "schedule": 60,
    },
}

# Wagtail's own background work (reference index, file deletion) uses django-tasks.
# With a broker it runs on the Celery workers through our bridge backend; without
# one it runs inline like every other task.
TASKS = {
    "default": {
        "BACKEND": (
            "cms.tasks_backend.CeleryTaskBackend"
            if CELERY_BROKER_URL
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# --- Search --------------------------------------------------------------------
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# The alias the project search reads and writes (physical indices: <alias>-<time>).
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX", default="kehilot")
# False in production (bulk-friendly); tests use "wait_for" so writes show at once.
ELASTICSEARCH_REFRESH = env("ELASTICSEARCH_REFRESH", default="false")
# Needs Debian's hunspell-he files on the server (docker-compose mounts them).
ELASTICSEARCH_HEBREW_HUNSPELL = env.bool("ELASTICSEARCH_HEBREW_HUNSPELL", default=True)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Machina's search needs haystack configured; nothing is indexed there (the forum
# search page redirects to the project search, /search/?type=forum_post).
HAYSTACK_CONNECTIONS = {
    "default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}
}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# --- Forum (django-machina) -------------------------------------------------------
# Machina reads these at import time (machina.conf.settings): they must live here,
# never be changed at run time or in tests with override_settings.
MACHINA_FORUM_NAME = "Kehilot"
# Markdown, then an nh3 allowlist: machina's markdown2 "safe mode" has a record of
# bypasses. The same function renders posts for the API, emails and search.
MACHINA_MARKUP_LANGUAGE = ("forum.markup.render_post", {})
MACHINA_MARKUP_WIDGET = "django.forms.Textarea"
MACHINA_PROFILE_SIGNATURE_MAX_LENGTH = 255
MACHINA_TOPIC_POSTS_NUMBER_PER_PAGE = 15
MACHINA_FORUM_TOPICS_NUMBER_PER_PAGE = 20
MACHINA_ATTACHMENT_MAX_FILES_PER_POST = 5
# Our own attachment rules (forum/attachments.py): allowed types and size.
FORUM_ATTACHMENT_MAX_SIZE = 5 * 1024 * 1024
FORUM_ATTACHMENT_EXTENSIONS = ["pdf", "png", "jpg", "jpeg", "gif", "webp", "txt"]
MACHINA_PROFILE_AVATAR_MAX_UPLOAD_SIZE = 1024 * 1024
# Anti-abuse (forum/abuse.py): posts per (count, seconds) window, per user and per
# IP; a new account's first posts wait for approval. X-Forwarded-For is believed
# only from these proxies (addresses or networks).
FORUM_RATE_LIMITS = {
    "topic": {"user": (3, 600), "ip": (10, 600)},
    "reply": {"user": (10, 60), "ip": (30, 60)},
}
FORUM_APPROVAL_FIRST_POSTS = env.int("FORUM_APPROVAL_FIRST_POSTS", default=2)
FORUM_TRUSTED_PROXIES = env.list("FORUM_TRUSTED_PROXIES", default=[])
# Notifications (forum/notifications.py): one email per topic and recipient per
# window; links in emails point at this site.
FORUM_NOTIFICATION_WINDOW = 15 * 60
# (empty: WAGTAILADMIN_BASE_URL).
FORUM_EMAIL_BASE_URL = env("FORUM_EMAIL_BASE_URL", default="")
# Machina's forum_permission and forum_attachments apps are ours (labels unchanged,
# forum/machina_apps/); their migrations stay machina's.
MIGRATION_MODULES = {
    "forum_permission": "machina.apps.forum_permission.migrations",
    "forum_attachments": "machina.apps.forum_conversation.forum_attachments.migrations",
}

# --- Accounts (django-allauth) ---------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
# allauth rate-limits through the cache: failed logins per IP and per account,
# sign-ups and password resets per IP. Shared across workers once REDIS_URL is set.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"
# Private pages and documents send visitors to allauth's (rate-limited) login too.
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Kehilot <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": (
            "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
        )
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -----------------------------------------------------------------
LANGUAGE_CODE = "he"
LANGUAGES = [("he", _("Hebrew")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Wagtail lists Hebrew among its partial translations only; we ship it to editors.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("he", "עברית"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]
TIME_ZONE = "Asia/Jerusalem"
USE_I18N = True
USE_TZ = True

# --- Static and media ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Django serves /media/ (images only) unless a proxy does; production turns it off.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kehilot"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Documents are always served through Wagtail's view (privacy checks), never raw.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "txt", "csv"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILAPI_LIMIT_MAX = 50
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# No Gravatar: the network is closed to it here and it leaks emails; Wagtail then
# draws its own default avatar instead of a broken image.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security headers shared by every environment --------------------------------
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override this with SAMEORIGIN.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # Wagtail's admin still relies on inline scripts and styles.
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "https:"],
        "frame-src": ["'self'", "https://www.youtube.com", "https://player.vimeo.com"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],  # the admin preview iframe
    }
}

# --- Plugins ---------------------------------------------------------------------
# Plugins come from installed packages' `kehilot.plugins` entry points and from
# PLUGINS (dotted paths); PLUGINS_EXCLUDE names paths or labels to leave out.
# Discovery never raises: a plugin that cannot load is reported and skipped.
from plugins.loading import discover_plugins  # noqa: E402

# First-party plugins (plugins/contrib/), on unless PLUGINS says otherwise.
FIRST_PARTY_PLUGINS = [
    "plugins.contrib.annual_themes",
    "plugins.contrib.training",
    "plugins.contrib.awards",
]
PLUGINS = env.list("PLUGINS", default=FIRST_PARTY_PLUGINS)
PLUGINS_EXCLUDE = env.list("PLUGINS_EXCLUDE", default=[])
PLUGINS_CONFIG: dict[str, dict] = env.json("PLUGINS_CONFIG", default={})
PLUGIN_DISCOVERY = discover_plugins(PLUGINS, PLUGINS_EXCLUDE, PLUGINS_CONFIG)
INSTALLED_APPS = CORE_APPS + PLUGIN_DISCOVERY.app_paths

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Both log every page save and task at INFO: too chatty for commands.
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", default="WARNING")},
        "django_tasks": {"level": "WARNING"},
    },
}
