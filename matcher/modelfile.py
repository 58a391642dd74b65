"""Storing and loading the re-ranker: a joblib file plus a JSON sidecar that describes it.

joblib files run code when loaded, so only the project's own files are loaded, and only after
the sidecar shows they fit the current code (format, feature list, scikit-learn version) and the
file's checksum matches the sidecar.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn

from socialmap.cliutil import instance_path

from .config import Weights
from .errors import ModelFileError
from .features import FEATURES

log = logging.getLogger(__name__)
FORMAT = 1
MODEL_FILE = "matcher_rerank.joblib"
SIDECAR_FILE = "matcher_rerank.json"


def code_version() -> str:
    """The installed version of the product."""
    try:
        return version("welzijnswijzer")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "onbekend"


def default_dir() -> Path:
    """Where models live: ``<instance folder>/models``."""
    return instance_path() / "models"


@dataclass
class StoredModel:
    """A fitted re-ranker and its sidecar metadata."""

    estimator: Any
    meta: dict[str, Any]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save(model: StoredModel, folder: Path | None = None) -> Path:
    """Write the model and its sidecar; returns the model file's path."""
    folder = folder or default_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MODEL_FILE
    joblib.dump(model.estimator, path)
    meta = {**model.meta, "format": FORMAT, "features": list(FEATURES),
            "code_version": code_version(), "sklearn_version": sklearn.__version__,
            "sha256": _sha256(path)}
    (folder / SIDECAR_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    return path


def read_meta(folder: Path | None = None) -> dict[str, Any] | None:
    """The sidecar of the stored model, or None when no model was trained."""
    side = (folder or default_dir()) / SIDECAR_FILE
    if not side.exists():
        return None
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelFileError(f"Modelbeschrijving {side.name} is onleesbaar: {exc}") from exc
    if not isinstance(meta, dict):
        raise ModelFileError(f"Modelbeschrijving {side.name} is geen JSON-object.")
    return meta


def _minor(v: str) -> str:
    return ".".join(v.split(".")[:2])


def check_meta(meta: dict[str, Any]) -> None:
    """Raise :class:`ModelFileError` (Dutch) when the model does not fit the current code."""
    if meta.get("format") != FORMAT:
        raise ModelFileError(f"Het opgeslagen model heeft formaat {meta.get('format')}, deze "
                             f"versie verwacht formaat {FORMAT}. Train het model opnieuw.")
    if meta.get("features") != list(FEATURES):
        raise ModelFileError("Het opgeslagen model gebruikt andere kenmerken dan deze versie "
                             "van de matcher. Train het model opnieuw.")
    saved = str(meta.get("sklearn_version"))
    if _minor(saved) != _minor(sklearn.__version__):
        raise ModelFileError(f"Het opgeslagen model is gemaakt met scikit-learn {saved}, "
                             f"geïnstalleerd is {sklearn.__version__}. Train het model opnieuw.")


def load(folder: Path | None = None) -> StoredModel | None:
    """The stored model after all checks, or None when there is none."""
    folder = folder or default_dir()
    meta = read_meta(folder)
    if meta is None:
        return None
    check_meta(meta)
    path = folder / MODEL_FILE
    if not path.exists() or _sha256(path) != meta.get("sha256"):
        raise ModelFileError(f"{MODEL_FILE} ontbreekt of hoort niet bij de beschrijving "
                             "(controlegetal klopt niet). Train het model opnieuw.")
    return StoredModel(joblib.load(path), meta)


def blend_share(n_outcomes: int, weights: Weights) -> float:
    """The model's share of the final score: 0 below ``min_outcomes``, growing to ``blend``."""
    params = weights.rerank
    if n_outcomes < params.min_outcomes:
        return 0.0
    return params.blend * min(1.0, n_outcomes / params.full_outcomes)


@dataclass
class BlendedModel:
    """A loaded model ready for :func:`matcher.ranking.blend`."""

    estimator: Any
    share: float
    label: str

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Model scores 0..1."""
        return np.asarray(self.estimator.predict(features), dtype=float)


def load_for_matching(folder: Path | None, weights: Weights) -> BlendedModel | None:
    """The model to blend in, or None (rules alone) when there is none or it does not fit."""
    try:
        stored = load(folder)
    except ModelFileError as exc:
        log.warning("re-ranker not used, rules alone: %s", exc)
        return None
    if stored is None:
        return None
    share = blend_share(int(stored.meta.get("n_outcomes", 0)), weights)
    label = f"herordening getraind op {stored.meta.get('trained_at', '?')}"
    return BlendedModel(stored.estimator, share, label) if share > 0 else None
