"""The HTML report: rendered from the 2017 example, self-contained (no URL fetched at view
time), then opened in headless Chromium: screenshots of the cohort page and one county's page
(kept under build/screenshots/ as CI artefacts) and the DOM checked for the ranking table and
that county's deduction lines.

Chromium is Debian's ``chromium`` package (.ci/run installs it). The Chromium tests are marked
``slow`` (seconds each): a plain ``pytest`` skips them, CI (SCORELANG_SLOW_TESTS=1) runs them.
Where CI=true a missing Chromium fails the test; elsewhere the test is skipped and says why.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from scorelang.cli import main
from scorelang.report import charts
from scorelang.report.html import page_name, render_report
from scorelang.runtime.sources import read_facts_file

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "policies" / "2017.score")
FACTS = str(ROOT / "examples" / "2017" / "facts.json")
SCREENSHOTS = ROOT / "build" / "screenshots"
COUNTY = "木里县"
# a URL the browser would fetch: src/href/url()/@import to http(s), or a protocol-relative one
FETCHED = re.compile(r"""(?:src|href|action|poster)\s*=\s*["']?\s*(?:https?:)?//"""
                     r"""|url\(\s*["']?\s*(?:https?:)?//|@import""", re.I)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("report")
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    done = runner.invoke(main, ["report", POLICY, FACTS, "-o", str(out), "--quiet"], catch_exceptions=False)
    assert done.exit_code == 0, done.stderr
    if charts.cjk_font() is None:  # the charts cannot draw Chinese: the CLI says what to install
        assert charts.FONT_PACKAGE in done.stderr
        if os.environ.get("CI") == "true":
            pytest.fail(f"no CJK font in CI: .ci/run installs {charts.FONT_PACKAGE}")
    else:
        assert done.stderr == ""  # --quiet: nothing but problems
    scored = runner.invoke(main, ["score", POLICY, FACTS, "--format", "json"], catch_exceptions=False)
    return out, json.loads(scored.stdout)


def test_one_cohort_page_and_one_page_per_entity(report):
    out, doc = report
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["index.html", *[page_name(e["entity"]) for e in doc["entities"]]])


def test_pages_fetch_nothing_at_view_time(report):
    out, _ = report
    for page in out.iterdir():
        text = page.read_text(encoding="utf-8")
        assert not FETCHED.search(text), page.name
        assert "<script" not in text and "<link" not in text
        # http(s) text appears only as an SVG namespace name, never as something to load
        assert set(re.findall(r"https?://[^\s\"'<>]+", text)) <= {"http://www.w3.org/2000/svg",
                                                                    "http://www.w3.org/1999/xlink"}


def test_print_and_phone_styles_and_a_cjk_font_stack(report):
    text = (report[0] / "index.html").read_text(encoding="utf-8")
    assert "@page { size: A4" in text and "@media print" in text and "@media (max-width: 640px)" in text
    assert 'name="viewport"' in text
    assert re.search(r'font-family: "Noto Sans CJK SC".*"Microsoft YaHei".*sans-serif', text, re.S)
    assert text.count("<svg") == 2  # the bar chart of totals and the heat map, drawn by matplotlib


def test_entity_page_explains_every_point(report, policy_2017):
    out, doc = report
    county = next(e for e in doc["entities"] if e["entity"] == COUNTY)
    text = html.unescape((out / page_name(COUNTY)).read_text(encoding="utf-8"))
    for task in county["tasks"]:
        for section in task["sections"]:
            for item in section["items"]:
                for event in item["events"]:
                    if event["points"] not in ("0.00", "-0.00"):
                        assert event["rule"] in text and event["points"].lstrip("-") in text
    for event in county["adjustments"]:
        if event["points"] != "0.00":
            assert event["rule"] in text
    sources = {i.id: i.sources for t in policy_2017.model.tasks for i in t.items}
    changed = [i["id"] for t in county["tasks"] for s in t["sections"] for i in s["items"]
               if any(e["points"] not in ("0.00", "-0.00") for e in i["events"])]
    assert changed and all(source in text for i in changed for source in sources[i])  # the item's own words
    assert "距二等奖（第 10 名 昭觉县，88.98 分）还差 28.75 分" in re.sub(r"<[^>]+>", "", text)  # the next tier up


def test_report_is_a_function_of_the_scorecards(report, policy_2017):
    cards = policy_2017.score_all(read_facts_file(FACTS))
    pages = render_report(cards, policy_2017.model, engine=_engine(report[0]))
    # no clock, no random ids: the same scores give the same pages, byte for byte
    assert pages == {p.name: p.read_text(encoding="utf-8") for p in report[0].iterdir()}


def _engine(out: Path) -> str:
    return re.search(r'content="scorelang ([^"]+)"', (out / "index.html").read_text(encoding="utf-8")).group(1)


# ------------------------------------------------------------------ headless Chromium
def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is missing in CI: .ci/run installs Debian's chromium package")
    pytest.skip("headless Chromium not installed (Debian: apt-get install chromium); CI runs this test")


def browse(url: str, *args: str) -> subprocess.CompletedProcess:
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", "--disable-extensions", *args, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.slow
@pytest.mark.parametrize("page, shot, size", [
    ("index.html", "cohort.png", (1280, 2600)),
    (page_name(COUNTY), "county.png", (1280, 2600)),
    (page_name(COUNTY), "county-phone.png", (390, 1600)),
])
def test_screenshots(report, page, shot, size):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / shot
    target.unlink(missing_ok=True)
    done = browse((report[0] / page).as_uri(), f"--screenshot={target}", f"--window-size={size[0]},{size[1]}")
    assert target.exists(), done.stderr[-2000:]
    assert png_size(target) == size and target.stat().st_size > 50_000  # a drawn page, not a blank one


@pytest.mark.slow
def test_dom_has_the_ranking_table(report):
    out, doc = report
    dom = browse((out / "index.html").as_uri(), "--dump-dom").stdout
    table = re.search(r'<table id="ranking">.*?</table>', dom, re.S)
    assert table, dom[:500]
    rows = re.findall(r"<tr>.*?</tr>", table.group(0).split("<tbody>")[1], re.S)
    assert len(rows) == len(doc["entities"])
    for row, entity in zip(rows, doc["entities"], strict=True):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
                 for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        assert cells[0] == str(entity["rank"]) and cells[1].startswith(entity["entity"])
        assert entity["total"] in cells


@pytest.mark.slow
def test_dom_has_the_countys_deduction_lines(report):
    out, doc = report
    dom = browse((out / page_name(COUNTY)).as_uri(), "--dump-dom").stdout
    county = next(e for e in doc["entities"] if e["entity"] == COUNTY)
    lines = re.findall(r'<div class="event deduction">(.*?)</blockquote>', dom, re.S)
    shown = {(html.unescape(re.sub(r"<[^>]+>", " ", line)).split()[0],
              html.unescape(re.sub(r"<[^>]+>", "", line.split('class="clause">')[1].split("</span>", 1)[1])).strip())
             for line in lines}
    expected = {(e["points"], e["rule"]) for t in county["tasks"] for s in t["sections"] for i in s["items"]
                for e in i["events"] if e["points"].startswith("-") and e["points"] != "-0.00"}
    assert expected and expected == shown  # every deduction line, and only deductions
