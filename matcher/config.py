"""The matcher's data: weights (``data/matcher/weights.yaml``) and word lists (``synonyms.yaml``).

Both are validated strictly when loaded; a bad file raises :class:`ConfigError` naming the key.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)

import data
from socialmap.vocabulary import fold

from .errors import ConfigError

COMPONENTS = ("need", "complaint", "distance", "text", "freshness")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Component(_Strict):
    """One score component: its weight in the sum and what it means."""

    weight: float = Field(ge=0)
    description: str


class NeedParams(_Strict):
    """How needs are read from a spinnenweb."""

    spinnenweb_top: int = Field(ge=1, le=6)
    spinnenweb_max_need_score: float = Field(ge=0, le=10)


class DistanceParams(_Strict):
    """How the distance score decays."""

    half_score_km: float = Field(gt=0)
    horizon_km: float = Field(gt=0)
    online_score: float = Field(ge=0, le=1)


class FreshnessParams(_Strict):
    """How the age of the last verification is scored."""

    fresh_months: float = Field(ge=0)
    stale_months: float = Field(gt=0)
    unknown_score: float = Field(ge=0, le=1)
    warn_months: float = Field(gt=0)


class TextParams(_Strict):
    """Typo tolerance and the mix of name and description relevance."""

    fuzzy_min_ratio: float = Field(ge=50, le=100)
    prefix_min_chars: int = Field(ge=3)
    prefix_weight: float = Field(ge=0, le=1)
    synonym_weight: float = Field(ge=0, le=1)
    name_share: float = Field(ge=0, le=1)


class DiversityParams(_Strict):
    """Maximal marginal relevance parameters."""

    lambda_: float = Field(alias="lambda", ge=0, le=1)
    pool: int = Field(ge=1)
    same_dimensions: float = Field(ge=0)
    same_organisation: float = Field(ge=0)
    similar_name: float = Field(ge=0)


class RerankParams(_Strict):
    """When and how much the learned re-ranker counts."""

    min_outcomes: int = Field(ge=1)
    full_outcomes: int = Field(ge=1)
    blend: float = Field(ge=0, le=1)
    pool: int = Field(ge=1)


class Weights(_Strict):
    """The whole weights file."""

    components: dict[str, Component]
    need: NeedParams
    distance: DistanceParams
    freshness: FreshnessParams
    text: TextParams
    diversity: DiversityParams
    rerank: RerankParams

    @field_validator("components")
    @classmethod
    def _all_components(cls, value: dict[str, Component]) -> dict[str, Component]:
        if set(value) != set(COMPONENTS):
            raise ValueError(f"verwacht precies de componenten {', '.join(COMPONENTS)}")
        return value

    def weight(self, name: str) -> float:
        """The weight of one component."""
        return self.components[name].weight


class SynonymGroup(_Strict):
    """Words that mean the same in a search."""

    description: str
    words: list[str] = Field(min_length=2)


class Synonyms(_Strict):
    """The synonym groups and stop words, folded for lookups."""

    groups: list[SynonymGroup]
    stopwords: list[str]
    _table: dict[str, frozenset[str]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        """Fold the words once: word -> all other words of its groups."""
        out: dict[str, set[str]] = {}
        for group in self.groups:
            words = {fold(w) for w in group.words}
            for w in words:
                out.setdefault(w, set()).update(words - {w})
        self._table = {k: frozenset(v) for k, v in out.items()}

    def table(self) -> dict[str, frozenset[str]]:
        """Folded word -> all folded words of its groups."""
        return self._table


def _parse(model: type[BaseModel], name: str, text: str) -> Any:
    try:
        return model.model_validate(yaml.safe_load(text))
    except yaml.YAMLError as exc:
        raise ConfigError(f"data/matcher/{name}: geen geldige YAML: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"data/matcher/{name}: {where}: {first['msg']}") from exc


def parse_weights(text: str) -> Weights:
    """Validate the text of a weights file."""
    return _parse(Weights, "weights.yaml", text)  # type: ignore[no-any-return]


def parse_synonyms(text: str) -> Synonyms:
    """Validate the text of a synonyms file."""
    return _parse(Synonyms, "synonyms.yaml", text)  # type: ignore[no-any-return]


@cache
def load_weights() -> Weights:
    """The packaged weights (cached per process)."""
    return parse_weights(data.read_text("matcher", "weights.yaml"))


@cache
def load_synonyms() -> Synonyms:
    """The packaged synonyms (cached per process)."""
    return parse_synonyms(data.read_text("matcher", "synonyms.yaml"))
