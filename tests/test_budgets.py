"""scripts/budgets.py's verdicts, on made-up Lighthouse reports (the real runs are `make budgets`)."""

from __future__ import annotations

import re
import sys

import pytest

from scripts import budgets


def report(perf: int, a11y: int = 100, hosts: tuple[str, ...] = ()) -> dict:
    categories = {k: {"score": 1.0, "auditRefs": [{"id": f"{k}-audit"}]} for k in ("accessibility", "best-practices", "seo")}
    categories["performance"] = {"score": perf / 100, "auditRefs": []}
    categories["accessibility"]["score"] = a11y / 100
    audits = {f"{k}-audit": {"score": 1, "scoreDisplayMode": "binary"} for k in ("best-practices", "seo")}
    audits["accessibility-audit"] = {"score": 1 if a11y == 100 else 0, "scoreDisplayMode": "binary"}
    requests = [{"url": "http://127.0.0.1:1/", "transferSize": 40_000}] + [{"url": f"https://{h}/x.js", "transferSize": 1_000} for h in hosts]
    audits["network-requests"] = {"details": {"items": requests}}
    return {"categories": categories, "audits": audits}


@pytest.fixture
def run(monkeypatch, tmp_path, capsys):
    """Runs budgets.main() with Lighthouse replaced by `scores(url, nth_call_for_that_url)`."""

    def go(scores, load=0.5, args=()):
        calls: dict[str, int] = {}

        def lighthouse(urls, folder):
            out = []
            for url in urls:
                calls[url] = calls.get(url, 0) + 1
                out.append(scores(url, calls[url]))
            return out

        class Server:
            def shutdown(self):
                pass

        monkeypatch.setattr(budgets, "lighthouse", lighthouse)
        monkeypatch.setattr(budgets, "folds", lambda urls: {url: set() for url in urls})
        monkeypatch.setattr(budgets, "serve", lambda site: ("http://127.0.0.1:1/", Server()))
        monkeypatch.setattr(sys, "argv", ["budgets.py", "--site", str(tmp_path), *args])
        monkeypatch.setattr(budgets.os, "cpu_count", lambda: 2)

        def getloadavg():
            value = load(calls) if callable(load) else load
            return (value, value, value)

        monkeypatch.setattr(budgets.os, "getloadavg", getloadavg)
        status = budgets.main()
        return status, capsys.readouterr().out, calls

    return go


def test_all_good(run):
    status, out, calls = run(lambda url, n: report(99))
    assert status == 0 and "budgets: ok" in out and "CPU load average" in out
    assert set(calls.values()) == {1}  # a first score of 98 or more is not measured again


def test_a_first_score_under_98_is_measured_twice_more_and_the_median_judged(run):
    page = "http://127.0.0.1:1/ban-do/"
    status, out, calls = run(lambda url, n: report({1: 96, 2: 99, 3: 98}[n] if url == page else 98))
    assert status == 0 and calls[page] == 3 and set(calls.values()) == {1, 3}, out
    assert "vi map: performance runs 96, 99, 98 (median 98)" in out and "warning: performance below" not in out


def test_performance_is_judged_once_per_page_type_the_english_twin_measured_once(run):
    twin = "http://127.0.0.1:1/en/ban-do/"
    status, out, calls = run(lambda url, n: report(96 if url == twin else 99))
    assert status == 0 and calls[twin] == 1 and set(calls.values()) == {1}, out
    assert "en map: performance runs 96 (median 96)" in out and "warning: performance below the 98 wanted (not a failure) on: en map" in out


def test_once_measures_every_page_once_and_still_measures_a_score_under_the_floor_again(run):
    low, floor = "http://127.0.0.1:1/ban-do/", "http://127.0.0.1:1/tim-kiem/"
    scores = {low: 96, floor: 80}
    status, out, calls = run(lambda url, n: report(scores.get(url, 99) if n == 1 else 99), args=["--once"])
    assert calls[low] == 1 and calls[floor] == 1 + 3 and set(calls.values()) == {1, 4}, out
    assert status == 0 and "warning: performance below the 98 wanted (not a failure) on: vi map" in out
    assert "perf runs (once)" in out and "median of 3" not in out


def test_a_low_performance_is_measured_again_after_the_others_and_passes_if_it_recovers(run):
    busy = "http://127.0.0.1:1/en/chuyen-muc/"
    status, out, calls = run(lambda url, n: report(77 if url == busy and n == 1 else 99))
    assert status == 0, out
    assert calls[busy] == 4 and "re-measuring en column" in out and "77 | re-measured 99 99 99" in out
    assert out.index("re-measuring en column") > out.index("vi 404")  # after every other page


def test_a_performance_that_stays_low_on_a_quiet_machine_fails_and_says_so(run):
    slow = "http://127.0.0.1:1/ban-do/"
    status, out, _ = run(lambda url, n: report(70 if url == slow else 99), load=1.5)
    assert status == 1 and "FAILED vi map: performance stayed below 90 after a re-measure" in out


def test_a_low_performance_on_a_busy_machine_is_a_loud_warning_and_not_measured_again(run):
    slow = "http://127.0.0.1:1/ban-do/"
    status, out, calls = run(lambda url, n: report(70 if url == slow else 99), load=14.0)
    assert status == 0 and calls[slow] == 3, out
    assert "WARNING, NOT JUDGED: vi map" in out and "load 14.00 / 14.00 / 14.00 on 2 cores" in out
    assert out.rstrip().endswith("budgets: ok, but performance not judged on 1 page(s): the machine was busy")


def test_a_machine_that_gets_busy_during_the_re_measure_is_not_judged(run):
    slow = "http://127.0.0.1:1/ban-do/"
    # quiet until the re-measure of the slow page has started, busy by its end
    status, out, calls = run(lambda url, n: report(70 if url == slow else 99), load=lambda calls: 9.0 if calls.get(slow, 0) > 3 else 0.5)
    assert status == 0 and calls[slow] == 6 and "WARNING, NOT JUDGED: vi map" in out, out


def test_a_performance_below_98_is_only_a_warning(run):
    status, out, calls = run(lambda url, n: report(93))
    assert status == 0 and "warning: performance below the 98 wanted" in out
    assert {n for url, n in calls.items() if "/en/" in url or "lang=en" in url} == {1}
    assert {n for url, n in calls.items() if not ("/en/" in url or "lang=en" in url)} == {3}


@pytest.mark.parametrize("bad, message", [({"a11y": 95}, "accessibility 95"), ({"hosts": ("fonts.example.com",)}, "requests to fonts.example.com")])
def test_deterministic_budgets_fail_at_once(run, bad, message):
    status, out, calls = run(lambda url, n: report(100, **bad), load=14.0)  # however busy the machine
    assert status == 1 and f"FAILED vi home: {message}" in out and set(calls.values()) == {1}


def test_first_view_leaves_out_images_below_the_fold_lazy_or_not():
    base = "http://127.0.0.1:1/"
    items = [{"url": base, "transferSize": 40_000}, {"url": base + "hero.avif", "transferSize": 30_000},
             {"url": base + "lazy.avif", "transferSize": 20_000}, {"url": base + "offscreen.jpg", "transferSize": 10_000}]
    report_ = {"audits": {"network-requests": {"details": {"items": items}},
                          "offscreen-images": {"details": {"items": [{"url": base + "offscreen.jpg"}]}}}}
    assert budgets.first_view(report_, base) == (90_000, [])
    assert budgets.first_view(report_, base, {base + "lazy.avif"}) == (70_000, [])


@pytest.mark.browser
def test_below_the_fold_finds_the_photos_under_the_first_screen(sample_site, chromium):
    """On Lighthouse's phone, a trail's stop photos lie under the map; the home page's hero does not."""
    from scripts.serve_gzip import serve

    base, server = serve(sample_site.root / "site")
    try:
        trail = budgets.below_the_fold(base + "hanh-trinh/vong-dinh-chua-den/", chromium)
        home = budgets.below_the_fold(base, chromium)
    finally:
        server.shutdown()
    stops = re.findall(r'class="hx-stop__img" src="\.\./\.\./([^"]+)"', sample_site.html("hanh-trinh/vong-dinh-chua-den/"))
    assert stops and {base + s for s in stops} <= trail
    hero = re.search(r'class="hx-home-hero__img" src="([^"]+)"', sample_site.html("")).group(1)
    assert base + hero not in home
    assert any("/media/" in url for url in home)  # the cards lower down
