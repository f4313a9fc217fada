"""Counsellor pool ids: the one place they are spelt.

A pool is the group of counsellors a job seeker is assigned among: a team ("team:<key>"), or, where the serving
municipality has no team for the person, all of that municipality's counsellors ("municipality:<code>"). Routing gives
a job seeker their pool, permissions and the batch assignment give a counsellor theirs; both build the id here.
Pure: no Django, so that accounts (below organisation) may import it.
"""

from dataclasses import dataclass
from typing import Literal

PoolKind = Literal["team", "municipality"]


@dataclass(frozen=True)
class Pool:
    kind: PoolKind
    key: str

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.key}"

    @classmethod
    def parse(cls, pool_id: str) -> "Pool":
        kind, separator, key = pool_id.partition(":")
        if not separator or kind not in ("team", "municipality") or not key:
            raise ValueError(f"ohjaajaryhmä {pool_id!r} ei ole muotoa team:<avain> tai municipality:<kuntanumero>")
        return cls(kind, key)


def team_pool(team_key: str) -> str:
    return Pool("team", team_key).id


def municipality_pool(municipality_code: str) -> str:
    return Pool("municipality", municipality_code).id


def counsellor_pool(*, team_key: str | None, municipality_code: str | None) -> str | None:
    """A counsellor's pool: their team's, or without a team their home municipality's; None without either."""
    if team_key is not None:
        return team_pool(team_key)
    if municipality_code is not None:
        return municipality_pool(municipality_code)
    return None
