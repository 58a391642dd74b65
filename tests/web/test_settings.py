"""Settings: documented, safe defaults, a real secret outside the demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from web.app import create_app
from web.settings import Settings, SettingsError, settings_fields

ROOT = Path(__file__).resolve().parents[2]
#: Documents that must name every setting (the lead adds README.md when merging docs/web.md).
DOCUMENTS = ["docs/web.md", "README.md"]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_setting_is_documented(document: str) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    missing = [name for name in settings_fields() if f"`{name}`" not in text]
    assert not missing, f"{document} does not document {missing}"


def test_every_setting_has_a_description() -> None:
    assert all(description.strip() for description in settings_fields().values())


def test_defaults_are_a_demo_on_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WELZIJNSWIJZER_DATABASE_URL", raising=False)
    settings = Settings()
    assert settings.demo is True
    assert settings.require_login is False
    assert settings.resolved_database_url().startswith("sqlite:///")


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELZIJNSWIJZER_REQUIRE_LOGIN", "true")
    monkeypatch.setenv("WELZIJNSWIJZER_MAX_UPLOAD_MB", "3")
    settings = Settings()
    assert settings.require_login is True and settings.max_upload_mb == 3


def test_secret_required_outside_demo() -> None:
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        create_app({"DEMO": False})
    with pytest.raises(SettingsError, match="te kort"):
        create_app({"DEMO": False, "SECRET_KEY": "kort"})


def test_secret_from_settings_is_used(db_url: str) -> None:
    secret = "s" * 40
    app = create_app({"DEMO": False, "SECRET_KEY": secret, "DATABASE_URL": db_url})
    assert app.secret_key == secret


def test_demo_without_secret_gets_a_random_one(db_url: str,
                                               caplog: pytest.LogCaptureFixture) -> None:
    first = create_app({"DATABASE_URL": db_url})
    second = create_app({"DATABASE_URL": db_url})
    assert first.secret_key != second.secret_key
    assert "SECRET_KEY" in caplog.text
