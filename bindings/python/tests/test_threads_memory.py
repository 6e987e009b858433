"""8 threads at once get the answers of one thread; memory stays flat over a million records
through validate_many on a generator."""

from __future__ import annotations

import concurrent.futures
import gc
from typing import Any, Dict, Iterator, List

import treem
from conftest import rss_kb

OPTS = {"as_of": "2026-11-28"}
RECORDS: List[Any] = [
    {"full_name": "Nguyễn Văn An", "date_of_birth": "2015-03-14", "sex": "male"},
    {"date_of_birth": "30/02/2016", "sex": "?"},
    {"full_name": 12345, "ho_ten_me": "x"},
    '{"sex": "Nữ", "date_of_birth": "1/1/2012"}',
    "not json",
]


def work(seed: int) -> List[Any]:
    """One thread's answers: single calls, batches, normalize, and a caught panic."""
    answers: List[Any] = []
    for round_ in range(60):
        i = (seed + round_) % len(RECORDS)
        try:
            answers.append(("validate", i, treem.validate("child", RECORDS[i], options=OPTS).to_dict()))
        except treem.NotJson as err:
            answers.append(("validate", i, err.error))
        batch = [r.to_dict() for r in treem.validate_many("child", RECORDS, options=OPTS, chunk_size=2)]
        answers.append(("many", 0, batch))
        if round_ % 20 == 0:
            try:
                treem._check(*treem._raw_call0("test_panic"))
                answers.append(("panic", 0, "did not raise"))
            except treem.Panic as err:
                answers.append(("panic", 0, err.code))
    return answers


def test_eight_threads_get_the_single_thread_answers() -> None:
    expected = {seed: work(seed) for seed in range(8)}
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        futures = {seed: pool.submit(work, seed) for seed in range(8) for _ in range(2)}
        got = {seed: f.result() for seed, f in futures.items()}
    assert got == expected
    assert all(a[2] == "panic" for answers in got.values() for a in answers if a[0] == "panic")


def records(n: int) -> Iterator[Dict[str, Any]]:
    for i in range(n):
        yield {"id": f"r{i}", "sex": "male" if i % 2 else "?", "date_of_birth": "2015-03-14"}


def test_memory_is_flat_over_a_million_records_through_validate_many() -> None:
    n = 1_000_000
    gc.collect()
    samples: List[int] = []
    count = errors = 0
    for report in treem.validate_many("child", records(n), as_of="2026-11-28", chunk_size=2048):
        count += 1
        errors += not report.ok
        if count == 50_000:
            gc.collect()
            base = rss_kb()
        if count % 100_000 == 0:
            samples.append(rss_kb())
    assert count == n and errors == n // 2
    growth_mb = (max(samples) - base) / 1024
    # Holding the reports would take hundreds of MB; a stream stays within a few chunks.
    assert growth_mb < 20, f"RSS grew by {growth_mb:.1f} MB after 50,000 records: {samples}"
