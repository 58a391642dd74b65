"""Open Referral HSDS 3.0: the catalogue as tabular data packages and as a read-only API.

:func:`write_hsds_package` and :func:`read_hsds_package` are called by ``catalogue export`` and
``catalogue import``; :mod:`socialmap.hsds.api` answers the ``/hsds/`` endpoints. All HSDS field
names live in :mod:`socialmap.hsds.mapping`; see ``docs/hsds.md``.
"""

from __future__ import annotations

from .package import read_hsds_package, write_hsds_package

__all__ = ["read_hsds_package", "write_hsds_package"]
