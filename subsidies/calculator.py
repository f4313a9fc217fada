"""The calculator's answer, for the page and the API: the case from validated input, the rules in force, and the
result as plain data (amounts as strings with two decimals, so no float ever touches money)."""

from decimal import Decimal

from subsidies import rates, rule_store, texts


def case_from(data: dict) -> rates.Case:
    start_up = data["kind"] == rates.Kind.START_UP_GRANT
    return rates.Case(
        kind=rates.Kind(data["kind"]),
        start_date=data["start_date"],
        months=data["months"],
        monthly_pay_costs=None if start_up else data.get("monthly_pay_costs"),
        weekly_hours=None if start_up else data.get("weekly_hours"),
        full_time_weekly_hours=None if start_up else data.get("full_time_weekly_hours"),
        employer_type=rates.EmployerType(data["employer_type"]) if data.get("employer_type") and not start_up else None,
        age=data.get("age"),
        unemployed_since=data.get("unemployed_since"),
    )


def calculate(data: dict) -> rates.Result:
    return rates.calculate(case_from(data), rule_store.current_rules())


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(rates.CENT))


def rule_data(rule) -> dict | None:
    if rule is None:
        return None
    return {
        "id": rule.id,
        "effective_from": rule.effective_from,
        "effective_until": rule.effective_until,
        "source": rule.source,
    }


def checks_data(result: rates.Result) -> list[dict]:
    return [
        {
            "code": check.code,
            "status": check.status.value,
            "field": check.field,
            "rule_id": check.rule_id,
            "source": check.source,
            "text": texts.check_text(check),
        }
        for check in result.checks
    ]


def answer(result: rates.Result) -> dict:
    case = result.case
    return {
        "kind": case.kind.value,
        "start_date": case.start_date,
        "end_date": result.end_date,
        "months": case.months,
        "monthly_amount": _amount(result.monthly_amount),
        "total": _amount(result.total),
        "days": result.days,
        "rule": rule_data(result.rule),
        "explanation": texts.explanation(result),
        "checks": checks_data(result),
    }


def refusal(result: rates.Result) -> dict:
    """A refused case: each field with the rule that refuses it (the shape of a validation error), and the details."""
    errors: dict = {}
    for check in result.refusals:
        errors.setdefault(check.field, []).append(texts.refusal_text(check))
    errors["refusals"] = [
        {
            "field": check.field,
            "code": check.code,
            "rule": {"id": check.rule_id, "source": check.source} if check.rule_id else None,
            "message": texts.refusal_text(check),
        }
        for check in result.refusals
    ]
    return errors
