"""The shared YAML reader: lines remembered, plain data only, a key given twice refused with file, line and key."""

import pytest

from common.yaml_reader import YamlFileError, read_yaml


def write(tmp_path, text: str, name: str = "data.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_mapping_knows_the_line_it_starts_on(tmp_path):
    data = read_yaml(write(tmp_path, "# comment\n- a: 1\n  b: 2\n- {a: 3}\n"))
    assert data == [{"a": 1, "b": 2}, {"a": 3}]
    assert [entry.line for entry in data] == [2, 4]


def test_a_key_given_twice_names_the_file_the_line_and_the_key(tmp_path):
    path = write(tmp_path, "- a: 1\n  b: 2\n  a: 3\n")
    with pytest.raises(YamlFileError) as raised:
        read_yaml(path, "data.yaml")
    assert (raised.value.file, raised.value.line) == ("data.yaml", 3)
    assert "kenttä a on annettu kahdesti" in raised.value.problem


def test_a_key_given_twice_in_a_flow_mapping_is_refused_too(tmp_path):
    with pytest.raises(YamlFileError) as raised:
        read_yaml(write(tmp_path, "rows:\n  - {municipality: '105', municipality: '205'}\n"))
    assert raised.value.line == 2 and "municipality" in raised.value.problem


def test_the_same_key_in_two_entries_is_fine(tmp_path):
    assert read_yaml(write(tmp_path, "- a: 1\n- a: 2\n")) == [{"a": 1}, {"a": 2}]


def test_python_objects_are_not_built(tmp_path):
    with pytest.raises(YamlFileError):
        read_yaml(write(tmp_path, "!!python/object/apply:os.system ['true']\n"))


def test_malformed_yaml_names_its_line(tmp_path):
    with pytest.raises(YamlFileError) as raised:
        read_yaml(write(tmp_path, "a: 1\nb: [1, 2\nc: 3\n"))
    assert raised.value.line in (2, 3, 4) and "YAML" in raised.value.problem


def test_a_missing_file_and_a_file_not_in_utf8(tmp_path):
    with pytest.raises(YamlFileError) as missing:
        read_yaml(tmp_path / "missing.yaml")
    assert missing.value.line is None and "puuttuu" in missing.value.problem
    path = tmp_path / "latin1.yaml"
    path.write_bytes("nimi: Ähtäri".encode("latin-1"))
    with pytest.raises(YamlFileError) as latin:
        read_yaml(path)
    assert latin.value.file == str(path) and "UTF-8" in latin.value.problem
