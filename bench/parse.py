"""Bench case: how long the GIFT and Moodle XML parsers take per megabyte.

Run by `bench/run.py` (so `make bench` prints it) or on its own:
`.venv/bin/python bench/parse.py`. Builds large question files in memory
(within the import limits: at most 2000 questions and 5 MB), parses each
`BENCH_PARSE_REPEAT` times (default 3) and reports the best time. The last
line of the output is a JSON object with the numbers. No database is needed.
"""

import json
import os
import sys
import time

from script import out, setup_django

REPEAT = int(os.environ.get("BENCH_PARSE_REPEAT", "3"))
QUESTIONS = 2000


def many_lines_gift(questions: int = QUESTIONS, answers: int = 78) -> str:
    """GIFT with one short line per answer: about 160 000 lines in all."""
    blocks = []
    for n in range(questions):
        lines = [f"// question {n}", f"::K{n}::Kysymys {n}? {{", "=oikein#hyvä"]
        lines += [f"~väärä {k}" for k in range(answers - 2)]
        lines.append("}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def long_entries_gift(questions: int = QUESTIONS) -> str:
    """GIFT with long one-line entries of every common type."""
    filler = "Valtuusto päättää talousarviosta ja sen muutoksista. " * 20
    kinds = [
        "{=Valtuusto#Oikein. ~Kunnanhallitus#Ei. ~%50%Lautakunta}",
        "{~%50%A ~%50%B ~%-100%C#Väärin.####Yleinen palaute}",
        "{T#Väärin#Oikein}",
        "{#14,5:1}",
        "{=Valtuusto -> Päättää =Hallitus -> Valmistelee}",
    ]
    return "\n\n".join(
        f"::Q{n}::{filler}{n}? " + kinds[n % len(kinds)] for n in range(questions)
    )


def moodle_xml(questions: int = QUESTIONS) -> bytes:
    """A Moodle XML file of multiple-choice and numerical questions."""
    filler = "Valtuusto päättää talousarviosta ja sen muutoksista. " * 10
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>']
    for n in range(questions):
        if n % 2:
            answers = (
                '<answer fraction="100"><text>14.5</text>'
                "<tolerance>0.5</tolerance></answer>"
            )
            kind = "numerical"
        else:
            answers = "".join(
                f'<answer fraction="{100 if k == 0 else 0}" format="plain_text">'
                f"<text>Vaihtoehto {k}</text>"
                f"<feedback><text>Palaute {k}</text></feedback></answer>"
                for k in range(5)
            )
            kind = "multichoice"
        parts.append(
            f'<question type="{kind}"><name><text>X{n}</text></name>'
            f'<questiontext format="html"><text><![CDATA[<p>{filler}{n}</p>]]>'
            f"</text></questiontext><defaultgrade>1</defaultgrade>"
            f"<single>true</single>{answers}</question>"
        )
    parts.append("</quiz>\n")
    return "\n".join(parts).encode()


def measure(parse, data) -> float:
    """The best of REPEAT wall-clock times of `parse(data)`, in seconds."""
    best = float("inf")
    for _ in range(REPEAT):
        started = time.perf_counter()
        result = parse(data)
        best = min(best, time.perf_counter() - started)
        if result.problems or len(result.questions) != QUESTIONS:
            raise RuntimeError(f"unexpected parse: {result.problems[:3]}")
    return best


def main() -> int:
    setup_django()
    from django.utils import translation

    from quizzes.gift import parse_gift
    from quizzes.moodle_xml import parse_moodle_xml

    translation.activate("en")
    cases = [
        ("GIFT, one line per answer", parse_gift, many_lines_gift()),
        ("GIFT, long one-line entries", parse_gift, long_entries_gift()),
        ("Moodle XML", parse_moodle_xml, moodle_xml()),
    ]
    results = []
    out(f"{'parser case':<30}{'MB':>7}{'lines':>9}{'seconds':>9}{'s per MB':>10}")
    for label, parse, data in cases:
        size = len(data.encode() if isinstance(data, str) else data) / 1024 / 1024
        lines = data.count("\n" if isinstance(data, str) else b"\n") + 1
        seconds = measure(parse, data)
        per_mb = seconds / size
        out(f"{label:<30}{size:>7.2f}{lines:>9}{seconds:>9.3f}{per_mb:>10.3f}")
        results.append(
            {
                "case": label,
                "megabytes": round(size, 3),
                "lines": lines,
                "seconds": round(seconds, 4),
                "seconds_per_megabyte": round(per_mb, 4),
            }
        )
    out(json.dumps({"parsing": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
