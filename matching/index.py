"""Every job seeker's top N vacancies without scoring every pair: exact, and checked against the brute force.

A pair's score is occupation + location + start (see matching.engine). For a person at place p the occupation points
depend only on the level (unit, minor, sub-major, major group) of the vacancy's code relative to the person's code,
and the location points only on the road distance from p, never rising with distance. So, for a threshold T, the
vacancies that could score ≥ T at level L are those of the person's level-L group within a radius r(T, L) – an upper
bound occupation(L) + location(distance) + start maximum ≥ T. Per origin place the vacancies are kept sorted by
(level-L group, distance rank of their place) for each level, and the candidates of a (person, code, level) are one
contiguous slice, found with two binary searches.

A person is finished when at least N candidates score ≥ T: every vacancy scoring ≥ T is among the candidates, so
their top N is the true top N. Rounds lower T per person: to a fixed step when fewer than N candidates were
eligible, otherwise straight to the N-th best score found (a lower bound of the true N-th best, so the next round
finishes the person). Radii and thresholds carry a small slack, which can only add candidates; every candidate is
scored with the same kernel as the brute force, so the floats are identical.

A vacancy met through several of a person's codes (or levels) is kept only from the code giving it the best points
(the first, on equal points) and from that code's level, so no vacancy is counted twice.

Each round's candidates of a batch are laid out one row per person and sorted by an integer key (the score's bits
with the vacancy's id rank below them); the rare row where that key merged two different scores is redone exactly.
Before the rounds, a first round reads only what can reach the largest possible score (see _first_round): the many
ties at the top in a city. Places are independent, so `top` runs them on all cores (numpy releases the GIL).
"""

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from matching.engine import (
    LEVEL_FLOOR,
    VACANCY_WITHOUT_CODE,
    Seekers,
    Vacancies,
    Weights,
    best_of,
    combine,
    commute_km,
    id_ranks,
    location_points,
    occupation_keys,
    occupation_table,
    requirements_met,
    start_points,
)

# Thresholds tried in turn (fractions of the largest possible score) while a person has fewer than N eligible
# candidates; once they have N, the N-th best score found is the next threshold.
SCHEDULE = (0.9, 0.8, 0.7, 0.6, 0.5, 0.35, 0.2, 0.0, -np.inf)
DIVISORS = {4: 1, 3: 10, 2: 100, 1: 1000}  # level → divisor of the 4-digit code giving its group
FLOORS = np.array([0] + [LEVEL_FLOOR[level] for level in (1, 2, 3, 4)])
SLACK = 1e-9
THREADS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
CHUNK = 8192  # people per batch: bounds the candidate arrays to some hundred MB
FIRST_ROUND_PLACES = 4  # the first round runs when at most this many places are near enough for the largest score


def _check_places(name: str, place: np.ndarray, places: int) -> None:
    if len(place) and (place.min() < 0 or place.max() >= places):
        raise ValueError(f"{name}: indices must lie in 0 … {places - 1} (the distance matrix's places)")


def _expand(starts: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Concatenated ranges [start, start + length): (segment of each element, the element)."""
    total = int(lengths.sum())
    segment = np.repeat(np.arange(len(lengths)), lengths)
    offsets = np.cumsum(lengths) - lengths
    return segment, np.arange(total) - offsets[segment] + starts[segment]


class VacancyIndex:
    """Vacancies arranged for fast top-N queries; built once (about a second at national scale), read-only."""

    def __init__(self, vacancies: Vacancies, distances: np.ndarray):
        self.vacancies = vacancies
        self.distances = distances
        self.places = distances.shape[0]
        if distances.shape != (self.places, self.places):
            raise ValueError(f"distances: must be square (places × places), got {distances.shape}")
        _check_places("Vacancies.place", vacancies.place, self.places)
        self.ranks = id_ranks(vacancies.ids)
        codes = vacancies.occupation.astype(np.int32)
        usable = np.flatnonzero(codes >= 0)  # a vacancy without a code matches nobody
        # Remote vacancies go to a pseudo place (index `places`) that is at distance -1 from every origin.
        place = np.where(vacancies.remote, self.places, vacancies.place).astype(np.int64)
        self.place = place
        # By place, and by id within a place: every (group, place) block of an origin's arrays is then in id order.
        order = usable[np.lexsort((self.ranks[usable], place[usable]))]
        self.by_place = order
        counts = np.bincount(place[order], minlength=self.places + 1)
        self.place_start = np.cumsum(counts) - counts
        self.place_count = counts
        self.keys = occupation_keys(vacancies.occupation, VACANCY_WITHOUT_CODE)
        self.groups = {level: (codes // divisor).astype(np.int16) for level, divisor in DIVISORS.items()}
        self.start_min = int(vacancies.start.min(initial=0))
        self.start_max = int(vacancies.start.max(initial=0))
        self._origins: dict[int, dict] = {}
        self._lock = threading.Lock()

    def origin(self, p: int) -> dict:
        """The vacancies ordered for people living at place p (kept for the last few places asked)."""
        with self._lock:
            if p in self._origins:
                return self._origins[p]
        origin = self._origin(p)
        with self._lock:
            if len(self._origins) >= 4:
                self._origins.pop(next(iter(self._origins)))
            self._origins[p] = origin
        return origin

    def _origin(self, p: int) -> dict:
        row = self.distances[p].astype(np.float64)
        effective = np.append(np.where(np.isnan(row), np.inf, row), -1.0)
        order = np.argsort(effective, kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        segment, position = _expand(self.place_start[order], self.place_count[order])
        nearest_first = self.by_place[position]
        place_rank = rank[self.place[nearest_first]]
        levels, perms, offset = {}, [], 0
        for level, groups in self.groups.items():
            group = groups[nearest_first]
            sort = np.argsort(group, kind="stable")
            keys = group[sort].astype(np.int64) * (self.places + 2) + place_rank[sort]
            levels[level] = (offset, keys)
            perms.append(nearest_first[sort])
            offset += len(sort)
        origin = {
            "sorted_distance": effective[order],
            "levels": levels,
            "perm": np.concatenate(perms),
            "place_distance": np.append(self.distances[p], np.float32(0)),
        }
        return origin

    # -------------------------------------------------------------------------------------------------------------

    def _ranks(self, origin, batch, threshold, weights: Weights) -> list[np.ndarray]:
        """Per level, how many places (nearest first) can hold a vacancy whose upper bound reaches the threshold."""
        floor = threshold - SLACK * (1.0 + weights.maximum)
        table = weights.occupation_table()
        sorted_distance = origin["sorted_distance"]
        commute, relocate = batch["commute"], batch["relocate"]
        within = np.searchsorted(sorted_distance, commute, side="right")
        ranks = []
        for level in DIVISORS:
            need = floor - table[level] - weights.start
            if weights.location > 0:
                share = np.clip(need, 0.0, weights.location) / weights.location
                with np.errstate(invalid="ignore"):  # an infinite commute × 0: NaN sorts last, i.e. every place
                    radius = commute * (1.0 - share)
                reach = np.searchsorted(sorted_distance, radius * (1.0 + SLACK) + SLACK, side="right")
            else:
                reach = np.zeros(len(commute), dtype=np.int64)
            reach = np.where(need <= 0, within, np.where(need > weights.location, 0, reach))
            ranks.append(np.where(relocate & (need <= weights.relocation_location_points), len(sorted_distance), reach))
        return ranks

    def _positions(self, origin, codes, ranks: list[np.ndarray]) -> np.ndarray:
        """(rows, levels × codes) position in the origin's arrays where each slice's places of rank ≥ `ranks` begin.

        A missing code's slice is empty (its start and end both -1)."""
        out = []
        for (level, divisor), rank in zip(DIVISORS.items(), ranks, strict=True):
            offset, keys = origin["levels"][level]
            for slot in range(codes.shape[1]):
                code = codes[:, slot]
                base = np.where(code >= 0, code // divisor, 0).astype(np.int64) * (self.places + 2)
                out.append(np.where(code >= 0, np.searchsorted(keys, base + rank) + offset, -1))
        return np.stack(out, axis=1)

    def _pieces(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Code slot and lowest level XOR of each piece (levels × codes, level-major)."""
        return np.tile(np.arange(k, dtype=np.int8), len(DIVISORS)), np.repeat(FLOORS[list(DIVISORS)], k)

    def _candidates(self, origin, batch, rows, low, high, pieces, weights: Weights):
        """(row, vacancy, score, segment) of the slices [low, high) (rows × pieces), each vacancy once.

        `pieces` gives each column's code slot and the lowest XOR of its level (see _pieces)."""
        k = len(batch["keys"])
        piece_slot, piece_floor = pieces
        width = low.shape[1]
        segment, position = _expand(low.ravel(), (high - low).ravel())
        local = np.repeat(rows.astype(np.int32), width)[segment]
        slot = np.tile(piece_slot, len(rows))[segment]
        floor = np.tile(piece_floor, len(rows))[segment]
        vacancy = origin["perm"][position]
        vacancy_key = self.keys[vacancy]
        xors = [keys[local] ^ vacancy_key for keys in batch["keys"]]
        table = occupation_table(weights)
        by_code = [table[xor] for xor in xors]
        occupation = best_of(by_code)
        # Keep a vacancy only from the first code giving its best points, and from that code's own level.
        first = np.full(len(local), k, dtype=np.int8)
        for code in reversed(range(k)):
            first[by_code[code] == occupation] = code
        xor = xors[0]
        for code in range(1, k):
            xor = np.where(slot == code, xors[code], xor)
        keep = (first == slot) & (xor >= floor)
        local, vacancy, occupation, segment = local[keep], vacancy[keep], occupation[keep], segment[keep]
        v = self.vacancies
        late = batch["available_from"][local] - v.start[vacancy].astype(np.int64)
        start = batch["start_table"](late)
        score = combine(
            occupation,
            batch["location_table"][batch["profile"][local], self.place[vacancy]],
            start,
            requirements_met(
                batch["qualifications"][local],
                v.required_qualifications[vacancy],
                batch["languages"][local],
                v.required_languages[vacancy],
            ),
        )
        eligible = score > -np.inf
        return local[eligible], vacancy[eligible], score[eligible], segment[eligible]

    def _start_table(self, available_from, weights: Weights):
        """Start points by lateness (days), as a look-up over the range the batch can meet."""
        if len(available_from) == 0 or len(self.vacancies) == 0:
            return lambda late: start_points(late, 0, weights)
        low = int(available_from.min()) - int(self.start_max)
        high = int(available_from.max()) - int(self.start_min)
        if high - low > 1_000_000:
            return lambda late: start_points(late, 0, weights)
        table = start_points(np.arange(low, high + 1), 0, weights)
        return lambda late: table[late - low]

    def _top(self, local, vacancy, score, carried_cols, carried_scores, limit):
        """Each row's candidates and carried top (score descending, id ascending): the new top `limit`.

        `local` is grouped by row (0 … rows - 1). Rows are laid out densely, in classes of similar width so that one
        long row does not widen them all."""
        n = len(carried_cols)
        counts = np.bincount(local, minlength=n)
        column = np.arange(len(local)) - (np.cumsum(counts) - counts)[local]
        kept = carried_cols >= 0
        carried_rows = np.nonzero(kept)[0]
        local = np.concatenate([local, carried_rows])
        column = np.concatenate([column, counts[carried_rows] + np.nonzero(kept)[1]])
        vacancy = np.concatenate([vacancy, carried_cols[kept]])
        score = np.concatenate([score, carried_scores[kept]])
        counts = counts + kept.sum(axis=1)
        cols = np.full((n, limit), -1, dtype=np.int64)
        scores = np.full((n, limit), -np.inf)
        exponent = np.ceil(np.log2(np.maximum(32, counts))).astype(np.int8)
        classes = np.unique(exponent)
        if len(classes) == 1:
            return self._dense_top(local, column, vacancy, score, n, 1 << int(classes[0]), limit)
        # Pairs ordered by their row's class once (a radix sort of small integers), then one slice per class.
        order = np.argsort(exponent[local], kind="stable")
        bounds = np.searchsorted(exponent[local][order], classes)
        position = np.empty(n, dtype=np.int64)
        for c, begin, end in zip(classes, bounds, [*bounds[1:], len(order)], strict=True):
            members = np.flatnonzero(exponent == c)
            position[members] = np.arange(len(members))
            pairs = order[begin:end]
            cols[members], scores[members] = self._dense_top(
                position[local[pairs]], column[pairs], vacancy[pairs], score[pairs], len(members), 1 << int(c), limit
            )
        return cols, scores

    def _dense_top(self, row, column, vacancy, score, n, width, limit):
        rank_bits = max(1, int(len(self.ranks) - 1).bit_length())
        # Order key: the score's bits (a non-negative float orders like its bit pattern; + 0.0 turns -0.0 into 0.0)
        # with the vacancy's id rank in the lowest bits, so one integer sort orders by score and then id. Where that
        # truncation merged two different scores near the top, the row is redone exactly.
        truncated = ((score + 0.0).view(np.int64) >> rank_bits) << rank_bits
        dense_key = np.full((n, width), np.iinfo(np.int64).max, dtype=np.int64)
        dense_key[row, column] = -(truncated | ((1 << rank_bits) - 1 - self.ranks[vacancy]))
        dense_pair = np.full((n, width), len(score), dtype=np.int64)
        dense_pair[row, column] = np.arange(len(score))
        head = min(width, limit + 1)
        sort = np.argsort(dense_key, axis=1)[:, :head]
        pair = np.take_along_axis(dense_pair, sort, axis=1)
        score = np.append(score, -np.inf)
        vacancy = np.append(vacancy, -1)
        exact, cols = score[pair], vacancy[pair]
        key = np.take_along_axis(dense_key, sort, axis=1) >> rank_bits
        suspect = ((key[:, 1:] == key[:, :-1]) & (exact[:, 1:] != exact[:, :-1])).any(axis=1)
        if head > limit:
            # A run of equal truncated keys across the cut: suspect unless all its scores are equal.
            edge = np.flatnonzero(key[:, limit] == key[:, limit - 1])
            run = (dense_key[edge] >> rank_bits) == key[edge, limit - 1][:, None]
            run_scores = score[dense_pair[edge]]
            low = np.where(run, run_scores, np.inf).min(axis=1)
            high = np.where(run, run_scores, -np.inf).max(axis=1)
            suspect[edge[low != high]] = True
        for r in np.flatnonzero(suspect):
            pairs = dense_pair[r][dense_pair[r] < len(score) - 1]
            order = pairs[np.lexsort((self.ranks[vacancy[pairs]], -score[pairs]))][:head]
            exact[r, : len(order)] = score[order]
            cols[r, : len(order)] = vacancy[order]
        if head < limit:
            exact = np.pad(exact, ((0, 0), (0, limit - head)), constant_values=-np.inf)
            cols = np.pad(cols, ((0, 0), (0, limit - head)), constant_values=-1)
        return cols[:, :limit], exact[:, :limit]

    def top_for(self, seekers: Seekers, rows, weights: Weights, limit: int) -> tuple[np.ndarray, np.ndarray]:
        """The top `limit` of the given people only (a page, one person): origins are cached between calls."""
        rows = np.asarray(rows, dtype=np.int64)
        _check_places("Seekers.place", seekers.place[rows], self.places)
        indices = np.full((len(rows), limit), -1, dtype=np.int64)
        values = np.full((len(rows), limit), np.nan)
        if len(rows) == 0 or limit == 0 or len(self.vacancies) == 0:
            return indices, values
        for p in np.unique(seekers.place[rows]):
            at = np.flatnonzero(seekers.place[rows] == p)
            cols, scores = self._rounds(self.origin(int(p)), seekers, rows[at], weights, limit)
            indices[at] = cols
            values[at] = np.where(cols >= 0, scores, np.nan)
        return indices, values

    def top(self, seekers: Seekers, weights: Weights, limit: int) -> tuple[np.ndarray, np.ndarray]:
        """Every person's top `limit` vacancies: (n, limit) rows (-1 padding) and scores (NaN padding)."""
        n = len(seekers)
        indices = np.full((n, limit), -1, dtype=np.int64)
        values = np.full((n, limit), np.nan)
        if n == 0 or limit == 0 or len(self.vacancies) == 0:
            return indices, values
        _check_places("Seekers.place", seekers.place, self.places)
        by_place = np.argsort(seekers.place, kind="stable")
        bounds = np.searchsorted(seekers.place[by_place], np.arange(self.places + 1))

        def place(p: int) -> None:
            people = by_place[bounds[p] : bounds[p + 1]]
            origin = self._origin(p)
            for begin in range(0, len(people), CHUNK):
                rows = people[begin : begin + CHUNK]
                cols, scores = self._rounds(origin, seekers, rows, weights, limit)
                indices[rows] = cols  # rows of different places are disjoint: no lock needed
                values[rows] = np.where(cols >= 0, scores, np.nan)

        # Largest places first so the threads finish together; numpy releases the GIL in the heavy operations.
        places = sorted(
            (p for p in range(self.places) if bounds[p + 1] > bounds[p]), key=lambda p: bounds[p] - bounds[p + 1]
        )
        with ThreadPoolExecutor(max_workers=max(1, min(THREADS, len(places)))) as pool:
            for done in [pool.submit(place, p) for p in places]:
                done.result()
        return indices, values

    def _rounds(self, origin, seekers: Seekers, rows, weights: Weights, limit: int):
        """Lower each row's threshold until N candidates reach it; each round scores only the new slice ends."""
        codes = seekers.occupations[rows]
        if codes.shape[1] == 0:  # nobody has an occupation: every pair is excluded
            return np.full((len(rows), limit), -1, dtype=np.int64), np.full((len(rows), limit), -np.inf)
        batch = {
            "codes": codes.astype(np.int32),
            "keys": [np.ascontiguousarray(column) for column in occupation_keys(codes).T],
            "commute": commute_km(seekers.max_commute_km[rows], weights),
            "relocate": seekers.relocate[rows],
            "qualifications": seekers.qualifications[rows],
            "languages": seekers.languages[rows],
            "available_from": seekers.available_from[rows].astype(np.int64),
        }
        # Location points per (commute, relocation) profile and place, start points per lateness: tables computed by
        # the kernel itself, so a look-up gives the very float the brute force computes.
        profiles, profile = np.unique(
            np.column_stack([batch["commute"], batch["relocate"]]), axis=0, return_inverse=True
        )
        remote = np.arange(self.places + 1) == self.places
        batch["profile"] = profile.ravel()
        batch["location_table"] = location_points(
            origin["place_distance"][None, :], profiles[:, :1], profiles[:, 1:] > 0, remote[None, :], weights
        )
        batch["start_table"] = self._start_table(batch["available_from"], weights)
        n = len(rows)
        pieces = self._pieces(codes.shape[1])
        schedule = np.array([share * weights.maximum if share > -np.inf else -np.inf for share in SCHEDULE])
        cols, scores, complete, ranks = self._first_round(origin, batch, pieces, weights, limit)
        threshold = np.full(n, schedule[0])
        scanned = self._positions(origin, batch["codes"], [0] * len(DIVISORS))
        if complete.any():  # read in full up to the first round's reach: the rounds go on from there
            scanned[complete] = self._positions(origin, batch["codes"][complete], [r[complete] for r in ranks])
        active = np.flatnonzero(~(complete & (scores[:, -1] >= weights.maximum)))
        while len(active):
            sub = {name: batch[name][active] for name in ("commute", "relocate")}
            ends = self._positions(origin, batch["codes"][active], self._ranks(origin, sub, threshold[active], weights))
            ends = np.maximum(ends, scanned[active])
            local, vacancy, score, _ = self._candidates(origin, batch, active, scanned[active], ends, pieces, weights)
            scanned[active] = ends
            position = np.searchsorted(active, local)
            top_cols, top_scores = self._top(position, vacancy, score, cols[active], scores[active], limit)
            cols[active], scores[active] = top_cols, top_scores
            done = (top_scores[:, -1] >= threshold[active]) | (threshold[active] == -np.inf)
            active = active[~done]
            nth = scores[active, -1]
            lower = schedule[np.searchsorted(-schedule, -threshold[active], side="right")]
            threshold[active] = np.where(nth > -np.inf, np.maximum(nth, lower), lower)
        return cols, scores

    def _first_round(self, origin, batch, pieces, weights: Weights, limit: int):
        """Only the vacancies that can reach the largest possible score, and of each place only the first few by id.

        Within a (group, place) block the vacancies are in id order, and only the first 2 N + 8 of each block are read:
        the rest may be passed over when the head holds N vacancies at the largest score, since those come before any
        of them (a score at least as high, a smaller id). In a city a third of the people are finished here. A row
        whose heads were all enough or whole (`complete`) goes on from here; the others start over with the rounds."""
        n, k = batch["codes"].shape
        cols = np.full((n, limit), -1, dtype=np.int64)
        scores = np.full((n, limit), -np.inf)
        complete = np.zeros(n, dtype=bool)
        top = weights.maximum
        ranks = self._ranks(origin, batch, np.full(n, top), weights)
        most = max(int(rank.max(initial=0)) for rank in ranks)
        if most == 0 or most > FIRST_ROUND_PLACES:
            return cols, scores, complete, ranks
        head = 2 * limit + 8
        lows, highs, truncated = [], [], []
        bounds = [self._positions(origin, batch["codes"], [np.full(n, r)] * len(DIVISORS)) for r in range(most + 1)]
        for r in range(most):
            low, high = bounds[r], bounds[r + 1]
            reached = np.repeat(np.stack(ranks, axis=1) > r, k, axis=1) & (low >= 0)
            high = np.where(reached, high, low)
            lows.append(low)
            highs.append(np.minimum(high, low + head))
            truncated.append(high > low + head)
        low, high, truncated = (np.concatenate(part, axis=1) for part in (lows, highs, truncated))
        slot, floor = pieces
        local, vacancy, score, segment = self._candidates(
            origin, batch, np.arange(n), low, high, (np.tile(slot, most), np.tile(floor, most)), weights
        )
        hits = np.bincount(segment[score >= top], minlength=truncated.size).reshape(truncated.shape)
        complete = ~(truncated & (hits < limit)).any(axis=1)
        cols, scores = self._top(local, vacancy, score, cols, scores, limit)
        cols[~complete], scores[~complete] = -1, -np.inf
        return cols, scores, complete, ranks
