"""Static files, served by WhiteNoise from the collected, hashed and compressed copies."""

from whitenoise.middleware import WhiteNoiseMiddleware


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise with one year for files whose name carries their hash (any change gives a
    new name, so a browser may keep them): `Cache-Control: max-age=31536000, public,
    immutable`. One year is the longest lifetime HTTP caches are asked to honour; WhiteNoise's
    own default is ten. Other files keep WhiteNoise's short default (60 s)."""

    FOREVER = 365 * 24 * 60 * 60
