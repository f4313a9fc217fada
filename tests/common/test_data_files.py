"""The shared data-file error and load summary: every problem one line of the message, in either of the two forms."""

from common.data_files import DataFileError, LoadSummary, Problem
from common.yaml_reader import YamlFileError, read_checked, read_yaml


def test_each_problem_is_a_line_naming_the_file_and_the_line():
    error = DataFileError("rates.yaml", [Problem(3, "a: puuttuu"), Problem(None, "tiedosto puuttuu")])
    assert str(error).splitlines() == ["rates.yaml: 3: a: puuttuu", "rates.yaml: -: tiedosto puuttuu"]
    assert (error.file, [problem.line for problem in error.problems]) == ("rates.yaml", [3, None])


def test_a_row_file_names_its_lines_as_rows():
    error = DataFileError("isco.csv", [Problem(0, "tiedostoa ei voi lukea"), Problem(4, "koodi puuttuu")], rows=True)
    assert str(error).splitlines() == ["isco.csv: rivi 0: tiedostoa ei voi lukea", "isco.csv: rivi 4: koodi puuttuu"]


def test_an_unreadable_yaml_file_is_a_data_file_error_of_its_one_problem(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("- a: 1\n  a: 2\n", encoding="utf-8")
    try:
        read_yaml(path, "data.yaml")
    except DataFileError as error:
        assert isinstance(error, YamlFileError) and (error.line, error.problems[0].line) == (2, 2)
        assert str(error) == f"data.yaml: 2: {error.problem}" and error.problems[0].message == error.problem
    else:
        raise AssertionError("a key given twice was read")


def test_a_checked_file_gives_its_rows_or_every_problem_named_by_the_file_name(tmp_path):
    path = tmp_path / "items.yaml"
    path.write_text("- a: 1\n- a: x\n- a: y\n", encoding="utf-8")

    def check(data):
        problems = [Problem(entry.line, "a: ei luku") for entry in data if not isinstance(entry["a"], int)]
        return [entry["a"] for entry in data], problems

    try:
        read_checked(path, check)
    except DataFileError as error:
        assert str(error).splitlines() == ["items.yaml: 2: a: ei luku", "items.yaml: 3: a: ei luku"]
    else:
        raise AssertionError("a file with problems was read")
    path.write_text("- a: 1\n", encoding="utf-8")
    assert read_checked(path, check) == [1]


def test_summaries_add_up_every_count():
    first = LoadSummary(added=1, changed=2, unchanged=3, removed=4)
    second = LoadSummary()
    for created, changed in ((True, False), (False, True), (False, False), (True, True)):
        second.count(created, changed)
    assert first + second == LoadSummary(added=3, changed=3, unchanged=4, removed=4)
