"""Pages of statements: the list (filters, sorting, pages) and its export, drafting from the client's card, the
statement with its log, the hearing and the reply, the official's proposal, the decision maker's approval and the
document. Thin: reads in selectors, writes in services, access in accounts.permissions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from common.tables import export_response
from common.views import errors_to_form, require
from statements import enums, forms, selectors, services, texts
from statements.document import statement_letter
from statements.tables import statements_table

PAGE_SIZE = 25
EXPORT_LIMIT = 10_000
COLUMNS = [("name", _("Työnhakija")), ("conduct", _("Menettelyn päivä")), ("state", _("Tila"))]


def _write(form, write) -> bool:
    if not form.is_valid():
        return False
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        errors_to_form(form, error)
        return False
    return True


def _statement(request, pk, view, purpose):
    return selectors.get_statement(request.user, pk, view=f"statements:{view}", purpose=purpose)


def _facts(statement) -> dict:
    """What every statement page shows about the statement, rendered from codes in the reader's language."""
    return {
        "statement": statement,
        "consequence": texts.consequence(
            statement.consequence, statement.consequence_days, statement.consequence_weeks
        ),
        "reason": texts.reason(statement.reason_code, statement.reason_params),
        "transitions": selectors.transitions(statement),
    }


def _preview(statement) -> dict:
    """What approving now would state (the rules with today's approved history), in words; {} before a finding."""
    found = selectors.preview(statement)
    if found is None:
        return {}
    return {
        "consequence": texts.of_assessment(found),
        "reason": texts.reason(found.reason.code, found.reason.params),
        "section": found.rule.section,
        "source": found.rule.source,
        "certainty": texts.certainty(found.rule.certainty),
    }


@login_required
def statement_list(request):
    user = request.user
    require(permissions.can_view_statements(user))
    form = forms.FilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        found = selectors.statements(user).none()
        filters = selectors.StatementFilters()
    else:
        filters = form.filters() if form.is_bound else selectors.StatementFilters()
        found = selectors.statement_list(user, filters)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.log_listing(user, page.object_list, view="statements:list", purpose="lausuntolista")
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    return render(
        request,
        "statements/list.html",
        {
            "form": form,
            "page": page,
            "table": statements_table(page.object_list),
            "columns": COLUMNS,
            "sort": filters.sort,
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "can_export": permissions.can_export_statements(user),
            "can_approve": permissions.can_approve_statements(user),
        },
        status=400 if form.errors else 200,
    )


@login_required
def export(request):
    user = request.user
    require(permissions.can_export_statements(user))
    rows = list(selectors.approved(user)[:EXPORT_LIMIT])
    selectors.log_listing(user, rows, view="statements:export", purpose="hyväksyttyjen lausuntojen vienti")
    table = statements_table(rows, key="lausunnot-hyvaksytyt", title=_("Hyväksytyt lausunnot"))
    return export_response(table, request.GET.get("format", "csv"))


@login_required
def create(request, jobseeker_pk):
    user = request.user
    require(permissions.can_draft_statement(user))
    jobseeker = selectors.get_jobseeker(user, jobseeker_pk, view="statements:create", purpose="lausunnon valmistelu")
    require(permissions.can_draft_statement(user, jobseeker))
    form = forms.StatementForm(
        request.POST or None, initial={"conduct_on": timezone.localdate(), "payer": enums.Payer.KELA}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            statement = services.create_statement(
                jobseeker=jobseeker,
                case_type=data["case_type"],
                conduct_on=data["conduct_on"],
                facts=data["facts"],
                payer=data["payer"],
                payer_name=data["payer_name"],
                by=user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Lausuntoluonnos tallennettiin. Seuraavaksi kuullaan työnhakijaa."))
            return redirect("statements:hearing", pk=statement.pk)
    return render(
        request,
        "statements/create.html",
        {"jobseeker": jobseeker, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def detail(request, pk):
    user = request.user
    statement = _statement(request, pk, "detail", "lausunto")
    state = enums.StatementState(statement.state)
    prepares = permissions.can_draft_statement(user, statement.jobseeker)
    return render(
        request,
        "statements/detail.html",
        {
            **_facts(statement),
            "state": state,
            "can_prepare": prepares,
            "can_decide": permissions.can_approve_statement(user, statement),
            "preview": _preview(statement),
        },
    )


def _step(request, pk, *, view, purpose, form_class, allowed_in, template, write, done, initial=None):
    """One preparation step's page: its form while the statement's state allows the step, the statement otherwise."""
    user = request.user
    require(permissions.can_draft_statement(user))
    statement = _statement(request, pk, view, purpose)
    require(permissions.can_draft_statement(user, statement.jobseeker))
    open_ = allowed_in(enums.StatementState(statement.state))
    form = form_class(request.POST or None, initial=initial(statement) if initial else None) if open_ else None
    if request.method == "POST" and form is not None and _write(form, lambda data: write(statement, data)):
        messages.success(request, done)
        return redirect("statements:detail", pk=statement.pk)
    return render(
        request,
        template,
        {**_facts(statement), "form": form, "step_open": open_},
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def hearing(request, pk):
    return _step(
        request,
        pk,
        view="hearing",
        purpose="lausunnon kuuleminen",
        form_class=forms.HearingForm,
        allowed_in=lambda state: state.hearing_can_be_sent,
        template="statements/hearing.html",
        write=lambda statement, data: services.send_hearing(
            statement, question=data["hearing_question"], reply_due_on=data["reply_due_on"], by=request.user
        ),
        done=_("Selvityspyyntö kirjattiin lähetetyksi."),
    )


@login_required
def reply(request, pk):
    return _step(
        request,
        pk,
        view="reply",
        purpose="työnhakijan selvitys",
        form_class=forms.ReplyForm,
        allowed_in=lambda state: state == enums.StatementState.HEARING,
        template="statements/reply.html",
        write=lambda statement, data: services.record_reply(
            statement, reply=data["reply"], received_on=data["reply_received_on"], by=request.user
        ),
        done=_("Työnhakijan selvitys kirjattiin."),
        initial=lambda statement: {"reply_received_on": timezone.localdate()},
    )


@login_required
def propose(request, pk):
    return _step(
        request,
        pk,
        view="propose",
        purpose="lausunnon esittäminen",
        form_class=forms.ProposalForm,
        allowed_in=lambda state: state.can_be_proposed,
        template="statements/propose.html",
        write=lambda statement, data: services.propose(
            statement, valid_reason=data["valid_reason"], judgement=data["judgement"], by=request.user
        ),
        done=_("Lausunto lähetettiin päätöksentekijän hyväksyttäväksi."),
    )


@login_required
def decide(request, pk):
    """The decision maker's approval page: the statement, what approving now states, approve or return."""
    user = request.user
    require(permissions.can_approve_statements(user))
    statement = _statement(request, pk, "decide", "lausunnon hyväksyntä")
    require(permissions.can_approve_statement(user, statement))
    open_ = enums.StatementState(statement.state).awaits_decision
    form = forms.DecisionForm(request.POST or None) if open_ else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            if form.cleaned_data["decision"] == forms.DecisionForm.APPROVE:
                services.approve(statement, by=user)
                messages.success(request, _("Lausunto hyväksyttiin."))
            else:
                services.return_statement(statement, reason=form.cleaned_data["return_reason"], by=user)
                messages.success(request, _("Lausunto palautettiin valmistelijalle."))
            return redirect("statements:detail", pk=statement.pk)
        except ValidationError as error:
            errors_to_form(form, error)
    return render(
        request,
        "statements/decide.html",
        {**_facts(statement), "form": form, "step_open": open_, "preview": _preview(statement)},
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def document(request, pk):
    statement = _statement(request, pk, "document", "lausunnon asiakirja (sisältää henkilötunnuksen)")
    return statement_letter(statement).response(f"lausunto-{statement.reference}")
