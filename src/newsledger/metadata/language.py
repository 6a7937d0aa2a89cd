"""Language of the body, ISO 639-1, with lingua over a restricted set of languages.

The detector is built once, on first use: building it for every language costs
memory and time that a news pipeline does not need.
"""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from newsledger.clean.cues import data_file

MIN_LETTERS = 40  # below this the guess is noise: use the container's language instead


@cache
def detector() -> LanguageDetector:
    names = data_file("metadata", "languages.toml")["languages"]
    langs = [getattr(Language, n) for n in names if hasattr(Language, n)]
    # trigram-only mode: ~80 MB and 0.2 s to load instead of ~600 MB and 6 s; bodies are long
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect(text: str) -> str | None:
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return None
    found = detector().detect_language_of(text[:5000])
    return found.iso_code_639_1.name.lower() if found else None


def normalise_given(value: object) -> str | None:
    """ "en", "EN", "en-US", "eng" or "English" as ISO 639-1, else None."""
    if not value or not isinstance(value, str):
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    if len(code) == 2 and code.isalpha():
        return code
    for lang in Language.all():
        if code in (lang.iso_code_639_3.name.lower(), lang.name.lower()):
            return lang.iso_code_639_1.name.lower()
    return None
