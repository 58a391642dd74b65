"""User accounts: small repository functions over the ``users`` table, and the roles.

Passwords are hashed with scrypt (``werkzeug.security``); the plain password is never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Connection, func, insert, select
from werkzeug.security import check_password_hash, generate_password_hash

from socialmap.tables import users

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,99}$")
MIN_PASSWORD_LENGTH = 12
HASH_METHOD = "scrypt"
#: A hash to check against when the user does not exist, so timing does not reveal names.
_DUMMY_HASH = generate_password_hash("welzijnswijzer-dummy-password", method=HASH_METHOD)


class Role(StrEnum):
    """Who someone is in the product; beheerder (administrator) may do everything."""

    HUISARTS = "huisarts"
    COACH = "coach"
    GEMEENTE = "gemeente"
    BEHEERDER = "beheerder"

    @property
    def label(self) -> str:
        """The Dutch name shown to users."""
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.HUISARTS: "Huisarts / POH",
    Role.COACH: "Welzijnscoach",
    Role.GEMEENTE: "Gemeente",
    Role.BEHEERDER: "Beheerder",
}


class AccountError(ValueError):
    """An account cannot be created as asked; the message is Dutch and names the problem."""


@dataclass(frozen=True)
class User:
    """A stored account (without its password hash)."""

    id: int
    name: str
    role: Role


def check_new_password(password: str) -> None:
    """Raise AccountError when a new password is too weak."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"wachtwoord te kort: minstens {MIN_PASSWORD_LENGTH} tekens")
    if password.strip() != password or "\n" in password:
        raise AccountError("wachtwoord mag niet met spaties beginnen of eindigen")


def add_user(conn: Connection, name: str, role: Role | str, password: str) -> User:
    """Create an account; raise AccountError for a bad name, role, password or a taken name."""
    if not NAME_RE.match(name):
        raise AccountError("ongeldige naam: 2-100 tekens, letters, cijfers en . _ @ -")
    try:
        role = Role(role)
    except ValueError:
        raise AccountError(
            f"onbekende rol '{role}': kies uit {', '.join(r.value for r in Role)}"
        ) from None
    check_new_password(password)
    if find_user(conn, name) is not None:
        raise AccountError(f"er bestaat al een account met de naam '{name}'")
    new_id = conn.execute(insert(users).values(
        name=name, role=role.value, created=datetime.now(UTC),
        password_hash=generate_password_hash(password, method=HASH_METHOD),
    ).returning(users.c.id)).scalar_one()
    return User(int(new_id), name, role)


def find_user(conn: Connection, name: str) -> User | None:
    """The account with this name, or None."""
    row = conn.execute(select(users.c.id, users.c.name, users.c.role)
                       .where(users.c.name == name)).first()
    return User(row.id, row.name, Role(row.role)) if row is not None else None


def authenticate(conn: Connection, name: str, password: str) -> User | None:
    """The account when name and password are right, else None (in constant-ish time)."""
    row = conn.execute(select(users).where(users.c.name == name)).first()
    if row is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(row.password_hash, password):
        return None
    return User(row.id, row.name, Role(row.role))


def count_users(conn: Connection) -> int:
    """How many accounts exist."""
    return int(conn.execute(select(func.count()).select_from(users)).scalar_one())
