"""Benchmark: every job seeker's top 20 vacancies at national scale, beside brute-force numpy scoring.

    .venv/bin/python benchmarks/matching.py                      # 700 000 job seekers × 60 000 vacancies
    .venv/bin/python benchmarks/matching.py --seekers 70000 --vacancies 6000 --sample 500

The data are synthetic, national-scale and shaped like Finland's: 300 places (municipalities) with skewed sizes on a
350 × 1000 km map, road distance 1,3 × straight line, 3 % of the place pairs without a known distance; ISCO-08 unit
groups from data/classifications/isco-08.csv drawn from a Zipf-like distribution (vacancies' shares are the job
seekers' shares with noise), a third of the people with a second occupation (often a neighbouring unit group), 60 %
without a stated maximum commute, 15 % willing to relocate; 10 % of vacancies requiring a driving licence or card,
most requiring Finnish, 4 % remote. No database: the engine's columnar input is built directly.

Measured in the same run:

* `engine.top_vacancies` for every job seeker: wall time and the process's peak RSS (ru_maxrss, which includes the
  generated data; the RSS before the run is printed too);
* baseline: brute-force numpy scoring (`engine.top_vacancies_brute_force`: every pair scored, each row's top 20 taken)
  of a random sample of job seekers, scaled to the whole population; the speed-up;
* exactness: the sample's top 20 (vacancy rows and scores, ties by id) compared with the brute force – the run exits
  with status 1 if any differs;
* `engine.matches_for_seeker` for 100 random job seekers, with a `VacancyIndex` built once (as a server process
  keeps it) and without: median and p95 latency; `engine.matches_for_vacancy` for 20 random vacancies: median.

The machine's load average is printed beside the wall time: the engine uses both cores, so other work on the
machine stretches the wall time; the CPU time is the figure that does not depend on it.

Targets (issue #13): ≤ 60 s, ≤ 4 GB peak, ≥ 20 × the brute force, one person ≤ 100 ms. Not a test: the figures are
printed, only exactness is enforced.
"""

import argparse
import csv
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matching import engine  # noqa: E402
from matching.index import VacancyIndex  # noqa: E402

TODAY = 20787  # 2026-11-30 as days since 1970-01-01
LIMIT = 20


def unit_groups() -> np.ndarray:
    with open(ROOT / "data" / "classifications" / "isco-08.csv", encoding="utf-8") as file:
        return np.array([int(row["code"]) for row in csv.DictReader(file) if row["level"] == "4"], dtype=np.int16)


def places_and_distances(rng, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Place sizes (Zipf: a capital, a few cities, many small municipalities) and road distances (km, inf unknown)."""
    size = 1.0 / np.arange(1, count + 1) ** 1.05
    # Bigger places lie further south, as in Finland.
    north = rng.uniform(0, 1000, count) * (0.35 + 0.65 * rng.random(count) ** (size / size.max()))
    coordinates = np.column_stack([rng.uniform(0, 350, count), north])
    distance = 1.3 * np.linalg.norm(coordinates[:, None, :] - coordinates[None, :, :], axis=2)
    unknown = np.triu(rng.random((count, count)) < 0.03, 1)
    distance[unknown | unknown.T] = np.inf
    np.fill_diagonal(distance, 0)
    return size / size.sum(), distance.astype(np.float32)


def occupation_shares(rng, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    popularity = 1.0 / np.arange(1, len(codes) + 1) ** 0.8
    seekers = popularity[rng.permutation(len(codes))]
    vacancies = seekers * rng.lognormal(0, 0.8, len(codes))
    return seekers / seekers.sum(), vacancies / vacancies.sum()


def related(rng, codes: np.ndarray, first: np.ndarray) -> np.ndarray:
    """A second occupation: half the time a unit group of the same minor group, otherwise any."""
    by_minor = {}
    for code in codes:
        by_minor.setdefault(code // 10, []).append(code)
    sibling = np.array([rng.choice(by_minor[code // 10]) for code in first], dtype=np.int16)
    return np.where(rng.random(len(first)) < 0.5, sibling, rng.choice(codes, len(first)))


def bits(rng, n: int, probabilities: dict[int, float]) -> np.ndarray:
    out = np.zeros(n, dtype=np.uint64)
    for bit, probability in probabilities.items():
        out |= (rng.random(n) < probability).astype(np.uint64) << np.uint64(bit)
    return out


def one_of(rng, n: int, share: float, choices: dict[int, float]) -> np.ndarray:
    """For a `share` of the rows one bit drawn from `choices` (bit → weight), else none."""
    keys = np.array(list(choices))
    weights = np.array(list(choices.values()))
    chosen = rng.choice(keys, n, p=weights / weights.sum()).astype(np.uint64)
    return np.where(rng.random(n) < share, np.uint64(1) << chosen, np.uint64(0)).astype(np.uint64)


def synthetic(seekers: int, vacancies: int, places: int, seed: int):
    rng = np.random.default_rng(seed)
    size, distances = places_and_distances(rng, places)
    codes = unit_groups()
    seeker_share, vacancy_share = occupation_shares(rng, codes)

    occupations = np.full((seekers, 3), -1, dtype=np.int16)
    occupations[:, 0] = rng.choice(codes, seekers, p=seeker_share)
    for column, share in ((1, 0.35), (2, 0.10)):
        has = np.flatnonzero(rng.random(seekers) < share)
        occupations[has, column] = related(rng, codes, occupations[has, 0])
    occupations[rng.random(seekers) < 0.01] = -1
    commute = rng.choice(np.array([10, 20, 30, 40, 50, 60, 80, 100], dtype=np.float32), seekers)
    people = engine.Seekers(
        ids=rng.permutation(seekers).astype(np.int64) + 1,
        occupations=occupations,
        place=rng.choice(places, seekers, p=size).astype(np.int32),
        max_commute_km=np.where(rng.random(seekers) < 0.6, np.float32(np.nan), commute).astype(np.float32),
        relocate=rng.random(seekers) < 0.15,
        # bits: 0 B, 1 C, 2 CE, 3 D, 10 hygiene passport, 11 occupational safety card, 12 hot work, 13 first aid
        qualifications=bits(rng, seekers, {0: 0.75, 1: 0.08, 2: 0.05, 3: 0.02, 10: 0.3, 11: 0.25, 12: 0.1, 13: 0.2}),
        # bits: 0 Finnish, 1 Swedish, 2 English, 3–8 others
        languages=bits(rng, seekers, {0: 0.93, 1: 0.12, 2: 0.65, 3: 0.03, 4: 0.03, 5: 0.02, 6: 0.02, 7: 0.02}),
        available_from=(TODAY + np.where(rng.random(seekers) < 0.75, 0, rng.integers(1, 150, seekers))).astype(
            np.int32
        ),
    )
    vacancy_size = size**1.15
    jobs = engine.Vacancies(
        ids=rng.permutation(vacancies).astype(np.int64) + 1,
        occupation=rng.choice(codes, vacancies, p=vacancy_share),
        place=rng.choice(places, vacancies, p=vacancy_size / vacancy_size.sum()).astype(np.int32),
        required_qualifications=one_of(rng, vacancies, 0.10, {0: 40, 1: 15, 2: 10, 10: 15, 11: 15, 12: 5}),
        required_languages=one_of(rng, vacancies, 0.85, {0: 80, 2: 15, 1: 5}),
        remote=rng.random(vacancies) < 0.04,
        start=(TODAY + np.where(rng.random(vacancies) < 0.4, 0, rng.integers(1, 60, vacancies))).astype(np.int32),
    )
    return people, jobs, distances


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def take(seekers: engine.Seekers, rows: np.ndarray) -> engine.Seekers:
    return engine.Seekers(**{name: getattr(seekers, name)[rows] for name in engine.Seekers.__dataclass_fields__})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seekers", type=int, default=700_000)
    parser.add_argument("--vacancies", type=int, default=60_000)
    parser.add_argument("--places", type=int, default=300)
    parser.add_argument("--sample", type=int, default=2000, help="Job seekers scored by brute force.")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for name in ("seekers", "vacancies", "places", "sample"):
        if getattr(args, name) < 1:
            parser.error(f"--{name}: must be at least 1, got {getattr(args, name)}")

    print(f"machine: {platform.processor() or platform.machine()}, {platform.python_version()}, numpy {np.__version__}")
    started = time.perf_counter()
    seekers, vacancies, distances = synthetic(args.seekers, args.vacancies, args.places, args.seed)
    print(
        f"data: {len(seekers):,} job seekers × {len(vacancies):,} vacancies, {args.places} places, generated in "
        f"{time.perf_counter() - started:.1f} s; peak RSS so far {peak_rss_mb():,.0f} MB"
    )
    weights = engine.Weights()

    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    indices, scores = engine.top_vacancies(seekers, vacancies, distances, weights, LIMIT)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"top_vacancies, all job seekers, top {LIMIT}: {elapsed:.1f} s wall, {cpu:.1f} s CPU (both threads); "
        f"peak RSS {peak_rss_mb():,.0f} MB; load average before {load:.1f}, after {os.getloadavg()[0]:.1f}"
    )

    rng = np.random.default_rng(args.seed + 1)
    sample = np.sort(rng.choice(len(seekers), min(args.sample, len(seekers)), replace=False))
    started, brute_cpu = time.perf_counter(), time.process_time()
    reference_indices, reference_scores = engine.top_vacancies_brute_force(
        take(seekers, sample), vacancies, distances, weights, LIMIT
    )
    scale = len(seekers) / len(sample)
    brute, brute_cpu = (time.perf_counter() - started) * scale, (time.process_time() - brute_cpu) * scale
    print(
        f"baseline brute-force numpy scoring of {len(sample):,} job seekers, scaled to all: {brute:,.0f} s wall, "
        f"{brute_cpu:,.0f} s CPU; speed-up {brute / elapsed:.0f}× wall, {brute_cpu / cpu:.0f}× CPU"
    )
    same = np.array_equal(indices[sample], reference_indices) and np.array_equal(
        scores[sample], reference_scores, equal_nan=True
    )
    filled = float(np.mean(indices[sample] >= 0))
    print(f"exactness on the sample: {'equal' if same else 'DIFFERENT'} ({filled:.1%} of the top-{LIMIT} slots filled)")

    started = time.perf_counter()
    index = VacancyIndex(vacancies, distances)
    print(f"VacancyIndex built (once, kept by the process) in {(time.perf_counter() - started) * 1000:.0f} ms")
    for label, kept in (("with the index", index), ("without (every vacancy scored)", None)):
        latencies = []
        for person in rng.choice(len(seekers), min(100, len(seekers)), replace=False):
            started = time.perf_counter()
            engine.matches_for_seeker(seekers, int(person), vacancies, distances, weights, LIMIT, index=kept)
            latencies.append(time.perf_counter() - started)
        latencies.sort()
        print(
            f"matches_for_seeker, one person, {label}: median {statistics.median(latencies) * 1000:.1f} ms, "
            f"p95 {latencies[int(0.95 * (len(latencies) - 1))] * 1000:.1f} ms"
        )
    latencies = []
    for job in rng.choice(len(vacancies), min(20, len(vacancies)), replace=False):
        started = time.perf_counter()
        engine.matches_for_vacancy(vacancies, int(job), seekers, distances, weights, LIMIT)
        latencies.append(time.perf_counter() - started)
    median = statistics.median(latencies) * 1000
    print(f"matches_for_vacancy, one vacancy (every person scored): median {median:.0f} ms")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
