"""The settings a user may tune, in one frozen value that travels with the pipeline.

    >>> import newsclean
    >>> config = newsclean.Config().updated(article={"min_region_weight": 80})
    >>> pipeline = newsclean.DEFAULT_PIPELINE.with_config(config).without("units")

A `Pipeline` is its steps and a `Config` (as ftfy's `fix_text` takes one `TextFixerConfig`):
one value, picklable, that `clean`, `explain`, the CLI (`--config FILE`), batch workers and the
integrations all take whole. The config has one section per step that has settings (`ads`,
`article`, `furniture`, `links`, `html`) and `phrases`: the folders the phrase lists are read
from. While a pipeline runs, its config is the active one (`active()`): a step reads
`doc.config.article.min_region_weight`, a helper without the document `active()`.

Only these settings are settings; the other thresholds in the filters are module constants,
tuned on the fixtures and the evaluation corpus (docs/article.md says how), not meant to be
turned one by one.

A TOML file (`load_pipeline`) says which default steps run and sets any of these; see
docs/configuration.md and fixtures/config/newsclean.toml.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import phrases

if TYPE_CHECKING:
    from .pipeline import Pipeline


class ConfigError(ValueError):
    """A setting or a step that does not exist, or a value of the wrong type."""


@dataclass(frozen=True)
class PhraseSettings:
    dirs: tuple[str, ...] = ()  # folders of the user's own phrase files, read after the shipped
    shipped: bool = True  # false: the user's folders replace the shipped lists


@dataclass(frozen=True)
class AdsSettings:
    promo_max_words: int = 30  # a prompt or notice is short; a paragraph that starts so is not


@dataclass(frozen=True)
class ArticleSettings:
    min_region_weight: float = 40.0  # a page whose best region weighs less is not cut at all
    linked: float = 0.5  # a block with this share of its words inside links is navigation
    repeats: int = 3  # prose standing this many times on the page is a template's copies


@dataclass(frozen=True)
class FurnitureSettings:
    headline_max_words: int = 30  # a longer heading is a caption or a standfirst set large
    head_zone: int = 12  # headline, byline and dateline stand in this many first wordy blocks
    # more date lines than this are the text's entries (posts, releases, a table of dates), not
    # its date: they stay. 0: every date line is furniture (the default for dumps, where the
    # date lines the article step leaves are mostly those of teasers and comments)
    max_datelines: int = 0


@dataclass(frozen=True)
class LinksSettings:
    link_run: int = 3  # this many link lines in a row make a link list
    # the lines after a related-links heading ("Related", "Most read"), up to the next
    # paragraph or heading, go with it; False: only the heading goes
    heading_takes_lines: bool = True


@dataclass(frozen=True)
class HtmlSettings:
    min_extracted_chars: int = 600  # too little was found below this: see docs/html.md
    # on the article the DOM block model found, which judged each of its blocks by the links,
    # markup and place a dump has lost: furniture.max_datelines and links.heading_takes_lines
    max_datelines: int = 3
    heading_takes_lines: bool = False


@dataclass(frozen=True)
class Config:
    """Every setting of a pipeline; `Config()` is the default pipeline's."""

    phrases: PhraseSettings = field(default_factory=PhraseSettings)
    ads: AdsSettings = field(default_factory=AdsSettings)
    article: ArticleSettings = field(default_factory=ArticleSettings)
    furniture: FurnitureSettings = field(default_factory=FurnitureSettings)
    links: LinksSettings = field(default_factory=LinksSettings)
    html: HtmlSettings = field(default_factory=HtmlSettings)

    def updated(self, **sections: Mapping[str, Any]) -> Config:
        """A copy with some settings changed: `updated(article={"min_region_weight": 80})`.
        An unknown section or setting, or a value of the wrong type, is a ConfigError."""
        changed = {}
        for name, values in sections.items():
            current = getattr(self, name, None) if name in SECTION_NAMES else None
            if current is None:
                raise ConfigError(
                    f"no settings section {name!r}; the sections are: {', '.join(SECTION_NAMES)}"
                )
            changed[name] = _updated_section(current, name, values)
        return dataclasses.replace(self, **changed)

    @classmethod
    def from_dict(cls, data: Mapping[str, Mapping[str, Any]]) -> Config:
        return cls().updated(**data)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return {
            name: {k: list(v) if isinstance(v, tuple) else v for k, v in section.items()}
            for name, section in ((n, dataclasses.asdict(getattr(self, n))) for n in SECTION_NAMES)
        }

    def phrase_set(self) -> phrases.PhraseSet:
        """The phrase lists this config reads (loaded once per list of folders)."""
        return phrases.load(self.phrases.dirs, self.phrases.shipped)


SECTION_NAMES = tuple(f.name for f in fields(Config))


def _updated_section(current: Any, section: str, values: Mapping[str, Any]) -> Any:
    if not isinstance(values, Mapping):
        raise ConfigError(f"[{section}] must be a table of settings, not {values!r}")
    known = {f.name: getattr(current, f.name) for f in fields(current)}
    checked = {}
    for name, value in values.items():
        if name not in known:
            raise ConfigError(
                f"no setting {name!r} in [{section}]; its settings are: {', '.join(known)}"
            )
        checked[name] = _checked(f"{section}.{name}", known[name], value)
    return dataclasses.replace(current, **checked)


def _checked(where: str, default: Any, value: Any) -> Any:
    if isinstance(default, tuple):
        if isinstance(value, str) or not all(isinstance(v, (str, Path)) for v in value):
            raise ConfigError(f"{where} must be a list of strings, not {value!r}")
        return tuple(str(v) for v in value)
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    else:  # int
        ok = isinstance(value, int) and not isinstance(value, bool)
    if not ok:
        raise ConfigError(f"{where} must be {type(default).__name__}, not {value!r}")
    return value


# -- the active config ------------------------------------------------------------------------

DEFAULT = Config()
_active: ContextVar[Config] = ContextVar("newsclean_config", default=DEFAULT)


def active() -> Config:
    """The config of the pipeline running in this context (the default one outside a run)."""
    return _active.get()


@contextmanager
def using(config: Config) -> Iterator[Config]:
    """Make `config`, and its phrase set, the active ones in this context."""
    token = _active.set(config)
    try:
        with phrases.using(config.phrase_set()):
            yield config
    finally:
        _active.reset(token)


# -- pipelines from data (a TOML file, Scrapy settings) ------------------------------------


def pipeline_from_dict(data: Mapping[str, Any], base: Pipeline | None = None) -> Pipeline:
    """A pipeline from `base` (default: the default pipeline): `steps` (names of base's steps,
    in order) or `without` (names to leave out), and settings sections as in `Config`. Relative
    phrase folders are taken as they are (the caller resolves them)."""
    if base is None:
        from . import DEFAULT_PIPELINE as base
    data = dict(data)
    steps, without = data.pop("steps", None), data.pop("without", ())
    for key, value in (("steps", steps or ()), ("without", without)):
        if isinstance(value, str) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{key} must be a list of step names, not {value!r}")
    try:
        pipeline = base
        if steps is not None:
            pipeline = base.only(*steps)
        pipeline = pipeline.without(*without)
    except KeyError as exc:
        raise ConfigError(exc.args[0]) from None
    config = base.config.updated(**data)
    try:
        config.phrase_set()  # a phrase folder that is missing, or a file that does not fit
    except phrases.PhraseError as exc:
        raise ConfigError(str(exc)) from None
    return pipeline.with_config(config)


def load_pipeline(path: str | Path, base: Pipeline | None = None) -> Pipeline:
    """The pipeline a TOML file describes (see `pipeline_from_dict`); phrase folders are taken
    relative to the file's own folder (made absolute, so workers find them wherever they run)."""
    import tomllib  # only a configuration file needs it

    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    section = data.get("phrases")
    if isinstance(section, dict) and isinstance(section.get("dirs"), list):
        here = path.parent
        section["dirs"] = [
            os.path.abspath(here / d) if isinstance(d, str) else d for d in section["dirs"]
        ]
    try:
        return pipeline_from_dict(data, base)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
