/**
 * The Python program that grades a SWE-bench test log on the devbox: it parses the log in one of
 * the formats below, then decides whether the instance is resolved. It runs on the Python of the
 * SWE-bench image (as old as 3.5 for some repositories), so it uses nothing newer: no f-strings,
 * no type hints, only the standard library.
 *
 * Usage: `python3 grade.py <pytest|django|sympy> <tests.json> <test.log> <exit status>`; prints
 * `resolved` or `unresolved` on stdout and its reasons on stderr.
 *
 * Log formats (the statuses SWE-bench's harness reads):
 * - pytest: `-rA` summary lines `PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS <test>[ - message]`, and
 *   verbose lines `<test> PASSED [ 50%]`; ANSI colours are ignored.
 * - django: `<test> ... ok|FAIL|ERROR|skipped …|expected failure|unexpected success`, where the
 *   status may follow on a later line when the test printed something; `FAIL: <test>` and
 *   `ERROR: <test>` headers.
 * - sympy (`bin/test --verbose`): `test_x ok|F|E|f|s|X` lines and `___ path.py:test_x ___` failure
 *   headers.
 *
 * Resolved: every FAIL_TO_PASS and PASS_TO_PASS test is PASSED (or XFAIL); and, against logs
 * forged by the code under test, a log with no failing test is refused when the test command
 * exited non-zero.
 */
export const GRADE_SCRIPT = String.raw`import json
import re
import sys

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
PYTEST_STATUSES = ("PASSED", "FAILED", "ERROR", "SKIPPED", "XFAIL", "XPASS")
PYTEST_VERBOSE = re.compile(r"^(\S+::.*?) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)(?:\s+\[\s*\d+%\])?$")
DJANGO_STATUSES = (
    ("ok", "PASSED"),
    ("OK", "PASSED"),
    ("FAIL", "FAILED"),
    ("ERROR", "ERROR"),
    ("skipped", "SKIPPED"),
    ("expected failure", "XFAIL"),
    ("unexpected success", "FAILED"),
)
SYMPY_STATUSES = {"ok": "PASSED", "F": "FAILED", "E": "ERROR", "f": "XFAIL", "s": "SKIPPED", "X": "FAILED", "w": "SKIPPED"}
SYMPY_FAILURE = re.compile(r"^_+ (\S+\.py:\S+) _+$")
PASSING = ("PASSED", "XFAIL")
FAILING = ("FAILED", "ERROR")


def parse_pytest(lines):
    results = {}
    for line in lines:
        word = line.split(" ", 1)[0]
        if word in PYTEST_STATUSES and " " in line:
            rest = line.split(" ", 1)[1].strip()
            name = rest.split(" - ", 1)[0].strip()
            results[name] = word
            first = rest.split()[0]
            if first != name and first not in results:
                results[first] = word
            continue
        match = PYTEST_VERBOSE.match(line)
        if match:
            results[match.group(1)] = match.group(2)
    return results


def django_status(text):
    for prefix, status in DJANGO_STATUSES:
        if text == prefix or text.startswith(prefix + " "):
            return status
    return None


def parse_django(lines):
    results = {}
    pending = None
    for line in lines:
        if " ... " in line:
            name, after = line.split(" ... ", 1)
            status = django_status(after.strip())
            if status:
                results[name] = status
                pending = None
            else:
                pending = name
            continue
        header = re.match(r"^(FAIL|ERROR): (.+)$", line)
        if header:
            results[header.group(2)] = "FAILED" if header.group(1) == "FAIL" else "ERROR"
            continue
        status = django_status(line)
        if pending is not None and status:
            results[pending] = status
            pending = None
    return results


def parse_sympy(lines):
    results = {}
    for line in lines:
        failure = SYMPY_FAILURE.match(line)
        if failure:
            results[failure.group(1)] = "FAILED"
            continue
        if line.startswith("test_") and " " in line:
            name, status = line.rsplit(" ", 1)
            if status in SYMPY_STATUSES and " " not in name.strip():
                results[name.strip()] = SYMPY_STATUSES[status]
    return results


PARSERS = {"pytest": parse_pytest, "django": parse_django, "sympy": parse_sympy}


def main():
    parser, tests_path, log_path, exit_status = sys.argv[1:5]
    with open(tests_path) as handle:
        tests = json.load(handle)
    with open(log_path, "rb") as handle:
        text = handle.read().decode("utf-8", "replace")
    lines = [ANSI.sub("", line).strip() for line in text.splitlines()]
    results = PARSERS[parser](lines)
    missing = []
    for group in ("FAIL_TO_PASS", "PASS_TO_PASS"):
        for test in tests[group]:
            status = results.get(test)
            if status not in PASSING:
                missing.append("%s %s: %s" % (group, test, status or "not in the log"))
    passed = len(tests["FAIL_TO_PASS"]) + len(tests["PASS_TO_PASS"]) - len(missing)
    sys.stderr.write("%d of %d tests pass (%s log, %d results, exit status %s)\n" % (
        passed, passed + len(missing), parser, len(results), exit_status))
    for line in missing:
        sys.stderr.write("  " + line + "\n")
    if exit_status != "0" and not any(status in FAILING for status in results.values()):
        sys.stderr.write("the test command exited with status %s but its log shows no failing test: refused as forged\n" % exit_status)
        print("unresolved")
        return
    print("unresolved" if missing else "resolved")


main()
`;
