"""The web app's settings: one typed object, read from ``WELZIJNSWIJZER_*`` environment variables.

Every field has a description; ``docs/web.md`` (and the README) document each of them, and a test
checks that. Defaults boot a demo on SQLite in the instance folder; outside the demo a real secret
key is required.
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from socialmap.cliutil import instance_path as default_instance_path
from socialmap.database import default_url

log = logging.getLogger(__name__)

ENV_PREFIX = "WELZIJNSWIJZER_"
MIN_SECRET_LENGTH = 32


class SettingsError(RuntimeError):
    """The configuration cannot be used (e.g. no secret key outside the demo)."""


class Settings(BaseSettings):
    """All settings of the web app, with safe defaults."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database (sqlite:///pad.db of postgresql://...). "
        "Leeg: een SQLite-bestand in de instance-map.",
    )
    secret_key: SecretStr | None = Field(
        default=None,
        description="Geheime sleutel die sessies en formulieren ondertekent (minstens 32 tekens). "
        "Verplicht als DEMO uit staat; in de demo wordt een willekeurige sleutel gemaakt.",
    )
    instance_path: Path | None = Field(
        default=None,
        description="Map voor lokale bestanden (de standaard SQLite-database). Leeg: ./instance.",
    )
    demo: bool = Field(
        default=True,
        description="Demomodus: een lege database wordt bij 'welzijnswijzer serve' gevuld met de "
        "demo-sociale kaart en per rol een demo-account met een willekeurig wachtwoord.",
    )
    require_login: bool = Field(
        default=False,
        description="Alles achter een login, ook de pagina's voor huisarts en coach en de "
        "lees-API's.",
    )
    match_index_check_seconds: float = Field(
        default=5.0, ge=0,
        description="Hoe vaak (in seconden) de matcher controleert of de sociale kaart is "
        "veranderd en zijn index opnieuw opbouwt.",
    )
    max_upload_mb: int = Field(
        default=10, ge=1, le=200,
        description="Grootste toegestane upload of request-body in megabytes.",
    )
    session_hours: int = Field(
        default=8, ge=1, le=24 * 30,
        description="Hoe lang een login geldig blijft, in uren.",
    )
    cookie_secure: bool = Field(
        default=False,
        description="Stuur het sessiecookie alleen over HTTPS. Zet aan achter HTTPS.",
    )
    trusted_proxies: int = Field(
        default=0, ge=0, le=5,
        description="Aantal reverse proxies (X-Forwarded-For) voor de app; nodig om "
        "IP-adressen juist te tellen bij het afremmen van logins en meldingen.",
    )
    login_max_attempts: int = Field(
        default=5, ge=1,
        description="Mislukte inlogpogingen per naam en per IP-adres binnen het venster; "
        "daarna wordt inloggen tijdelijk geweigerd.",
    )
    login_window_seconds: int = Field(
        default=900, ge=1,
        description="Venster (seconden) voor het tellen van mislukte inlogpogingen.",
    )
    report_max_per_hour: int = Field(
        default=10, ge=1,
        description="Hoeveel 'Meld een fout'-meldingen één IP-adres per uur mag doen.",
    )
    stale_months: int = Field(
        default=12, ge=1, le=120,
        description="Na hoeveel maanden zonder controle een activiteit in de controlelijst komt.",
    )
    migrate_on_start: bool = Field(
        default=True,
        description="Het databaseschema bij het starten bijwerken (Alembic). Zet uit bij "
        "meerdere workers en migreer dan vooraf één keer.",
    )

    def resolved_instance_path(self) -> Path:
        """The instance folder to use."""
        return self.instance_path or default_instance_path()

    def resolved_database_url(self) -> str:
        """The database URL to use (the SQLite default in the instance folder when unset)."""
        return self.database_url or default_url(self.resolved_instance_path())

    def resolved_secret_key(self, *, testing: bool = False) -> str:
        """The secret key; a random one (with a warning) only in the demo or in tests."""
        if self.secret_key is not None:
            value = self.secret_key.get_secret_value()
            if len(value) < MIN_SECRET_LENGTH and not (self.demo or testing):
                raise SettingsError(
                    f"{ENV_PREFIX}SECRET_KEY is te kort: gebruik minstens {MIN_SECRET_LENGTH} "
                    "willekeurige tekens (bijv. python -c 'import secrets; "
                    "print(secrets.token_urlsafe(48))')."
                )
            return value
        if not (self.demo or testing):
            raise SettingsError(
                f"{ENV_PREFIX}SECRET_KEY ontbreekt: buiten de demo is een geheime sleutel "
                "verplicht."
            )
        if not testing:
            log.warning(
                "No %sSECRET_KEY set: using a random key for this demo run; sessions end when "
                "the server stops and several workers cannot share logins.", ENV_PREFIX,
            )
        return secrets.token_urlsafe(48)


def settings_fields() -> dict[str, str]:
    """Every setting's environment variable name and description (for docs and tests)."""
    return {
        ENV_PREFIX + name.upper(): field.description or ""
        for name, field in Settings.model_fields.items()
    }
