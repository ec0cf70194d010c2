"""`adviesgesprek check --sources`: under each finding, the statements it rests on, in the words
of the verantwoording and the wizard's "Bron" (`source_words`): the statement's number and
where it is found, then the statement quoted; never its id."""

from __future__ import annotations

import json
import re

from wizard.core.rulebook import source_words

from ..conftest import EXAMPLES

FINDING = re.compile(r"^\S+: (?P<code>[a-z-]+) (error|warning|info) \S+: ")
SOURCE = re.compile(r"^    bron \[(?P<number>\d+)\] (?P<where>.+)$")
QUOTE = re.compile(r"^      (?P<quote>“.*”)$")


def _examples() -> list[str]:
    return [str(path) for path in sorted(EXAMPLES.glob("*.adviesgesprek.yaml"))]


def test_every_finding_of_the_examples_shows_statements_that_exist(cli, rulebook):
    result = cli("check", *_examples(), "--sources")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    findings = [index for index, line in enumerate(lines) if FINDING.match(line)]
    assert len(findings) >= 10
    codes = set()
    by_number = {source.number: source for source in rulebook.describe_source(rulebook.statements)}
    for index in findings:
        codes.add(FINDING.match(lines[index])["code"])
        following = lines[index + 1 :]
        sources = []
        while following and (following[0].startswith("    bron ") or QUOTE.match(following[0])):
            sources.append(following.pop(0))
        matched = [SOURCE.match(line) for line in sources[::2]]
        assert matched and all(matched), lines[index]
        for match, text in zip(matched, sources[1::2], strict=True):
            source = by_number[int(match["number"])]
            where, quote = source_words(source)
            assert match["where"] == where
            assert QUOTE.match(text)["quote"] == quote
            assert source.id not in match.string
    assert {"archive-not-arranged", "missing-field", "election-period"} <= codes


def test_without_sources_no_statements_are_printed(cli):
    result = cli("check", *_examples())
    assert " bron " not in result.stdout


def test_sources_in_json(cli, rulebook):
    path = str(EXAMPLES / "archive-not-arranged.adviesgesprek.yaml")
    plain = json.loads(cli("check", path, "--format", "json").stdout)
    assert "sources" not in plain["files"][0]["findings"][0]
    report = json.loads(cli("check", path, "--format", "json", "--sources").stdout)
    for finding in report["files"][0]["findings"]:
        assert [source["id"] for source in finding["sources"]] == finding["source"]
        for source in finding["sources"]:
            assert source["known"] is True
            assert source["statement"] == rulebook.statements[source["id"]]["statement"]
