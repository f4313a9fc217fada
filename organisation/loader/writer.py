"""Writing a checked organisation section: rows matched by their natural keys, updated in place when a value
differs, and removed when they are no longer in the files.
"""

from collections import defaultdict

from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from organisation import models
from organisation.area_data import AreaDataError, LoadContext, LoadSummary
from organisation.loader import schemas
from organisation.loader.checks import OrganisationData
from organisation.loader.rows import Row


def _fields(row: Row, schema: dict, skip=frozenset()) -> dict:
    """The row's values that are model fields of the same name."""
    return {name: row[name] for name in schema if name not in skip}


def _apply(instance, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    if changed:
        instance.save()
    return changed


class Writer:
    """Writes one checked folder; the maps from natural keys to database ids fill up file by file."""

    def __init__(self, data: OrganisationData):
        self.data = data
        self.summary = LoadSummary()
        self.kept = defaultdict(set)
        self.municipalities = {}
        self.offices = {}
        self.teams = {}
        self.services = {}

    def run(self, context: LoadContext) -> LoadSummary:
        area = context.area = self._area()
        for row in self.data.municipalities:
            self.municipalities[row["code"]] = self._municipality(area, row).pk
        self._set_responsible(area)
        for row in self.data.offices:
            self.offices[row["key"]] = self._office(area, row).pk
        for row in self.data.teams:
            self.teams[row["key"]] = self._team(area, row).pk
        for row in self.data.staff_positions:
            self._staff_position(area, row)
        for row in self.data.caseload_targets:
            self._caseload_target(area, row)
        for row in self.data.service_arrangements:
            self._arrangement(area, row)
        for row in self.data.centralised_services:
            self.services[row["key"]] = self._centralised_service(area, row).pk
        for row in self.data.delegations:
            self._delegation(area, row)
        for row in self.data.bodies:
            self._save(row, area.bodies, {"area": area, "key": row["key"]}, _fields(row, schemas.BODY_SCHEMA))
        for row in self.data.partners:
            self._save(row, area.partners, {"area": area, "key": row["key"]}, _fields(row, schemas.PARTNER_SCHEMA))
        for row in self.data.area_staff:
            self._save(
                row, area.staff_facts, {"area": area, "key": row["key"]}, _fields(row, schemas.AREA_STAFF_SCHEMA)
            )
        self._remove_stale(area)
        return self.summary

    def _upsert(self, row: Row, queryset, lookup: dict, values: dict, narrowing=None):
        """Matches on `lookup` (and `narrowing`, which only narrows the match) and returns (instance, created,
        changed) without counting, so that a caller can add changes its row's own fields do not show."""
        instance = queryset.filter(**lookup, **(narrowing or {})).first()
        try:
            if instance is None:
                instance = queryset.model.objects.create(**{**lookup, **values})
                created, changed = True, False
            else:
                created, changed = False, _apply(instance, values)
        except IntegrityError as error:
            raise row.error(_("tietokanta ei hyväksynyt tietoa: %(error)s") % {"error": error}) from error
        self.kept[queryset.model].add(instance.pk)
        return instance, created, changed

    def _save(self, row: Row, queryset, lookup: dict, values: dict, narrowing=None):
        instance, created, changed = self._upsert(row, queryset, lookup, values, narrowing)
        self.summary.count(created, changed)
        return instance

    def _municipality_id(self, code):
        return self.municipalities[code] if code else None

    def _office_id(self, key):
        return self.offices[key] if key else None

    def _team_id(self, key):
        return self.teams[key] if key else None

    def _area(self):
        row = self.data.area
        # The responsible municipality is set once the municipalities exist; the area is counted then.
        instance, self._area_created, self._area_changed = self._upsert(
            row,
            models.EmploymentArea.objects,
            {"slug": row["slug"]},
            _fields(row, schemas.AREA_SCHEMA, skip={"slug", "responsible_municipality"}),
        )
        return instance

    def _set_responsible(self, area):
        changed = _apply(
            area, {"responsible_municipality_id": self._municipality_id(self.data.area["responsible_municipality"])}
        )
        self.summary.count(self._area_created, self._area_changed or changed)

    def _municipality(self, area, row: Row):
        other = models.Municipality.objects.filter(code=row["code"]).exclude(area=area).select_related("area").first()
        if other is not None:
            raise row.error(
                _("kuntanumero %(code)s kuuluu jo työllisyysalueeseen %(area)s")
                % {"code": row["code"], "area": other.area.name_fi}
            )
        return self._save(
            row,
            models.Municipality.objects,
            {"code": row["code"]},
            {"area_id": area.pk, **_fields(row, schemas.MUNICIPALITY_SCHEMA, skip={"code"})},
        )

    def _office(self, area, row: Row):
        lookup = {"area": area, "key": row["key"]}
        # Name and address are unique too: an office whose key was renamed is the same office, not a new one.
        if not area.offices.filter(**lookup).exists():
            renamed = area.offices.filter(name=row["name"], street_address=row["street_address"]).first()
            if renamed is not None:
                lookup = {"area": area, "key": renamed.key}
        values = _fields(row, schemas.OFFICE_SCHEMA, skip={"municipality"})
        values["municipality_id"] = self._municipality_id(row["municipality"])
        return self._save(row, area.offices, lookup, values)

    def _team(self, area, row: Row):
        values = _fields(row, schemas.TEAM_SCHEMA, skip={"key", "municipality", "office"})
        values["municipality_id"] = self._municipality_id(row["municipality"])
        values["office_id"] = self._office_id(row["office"])
        return self._save(row, area.teams, {"area": area, "key": row["key"]}, values)

    def _staff_position(self, area, row: Row):
        lookup = {
            "area": area,
            "municipality_id": self._municipality_id(row["municipality"]),
            "title": row["title"],
            "origin": row["origin"],
        }
        values = _fields(row, schemas.STAFF_POSITION_SCHEMA, skip={"municipality", "title", "origin", "fte", "team"})
        values["team_id"] = self._team_id(row["team"])
        self._save(row, area.staff_positions, lookup, values)

    def _caseload_target(self, area, row: Row):
        lookup = {
            "area": area,
            "municipality_id": self._municipality_id(row["municipality"]),
            "team_id": self._team_id(row["team"]),
        }
        values = _fields(row, schemas.CASELOAD_TARGET_SCHEMA, skip={"municipality", "team"})
        self._save(row, area.caseload_targets, lookup, values)

    def _arrangement(self, area, row: Row):
        values = _fields(
            row,
            schemas.SERVICE_ARRANGEMENT_SCHEMA,
            skip={"key", "provider_municipality", "provider_team", "served_municipalities", "meeting_office"},
        )
        values["provider_municipality_id"] = self._municipality_id(row["provider_municipality"])
        values["provider_team_id"] = self._team_id(row["provider_team"])
        values["meeting_office_id"] = self._office_id(row["meeting_office"])
        instance, created, changed = self._upsert(
            row, area.service_arrangements, {"area": area, "key": row["key"]}, values
        )
        served = {self._municipality_id(code) for code in row["served_municipalities"]}
        if set(instance.served_municipalities.values_list("pk", flat=True)) != served:
            instance.served_municipalities.set(served)
            changed = True
        self.summary.count(created, changed)

    def _centralised_service(self, area, row: Row):
        values = _fields(row, schemas.CENTRALISED_SERVICE_SCHEMA, skip={"key", "parent"})
        values["parent_id"] = self.services[row["parent"]] if row["parent"] else None
        return self._save(row, area.centralised_services, {"area": area, "key": row["key"]}, values)

    def _delegation(self, area, row: Row):
        lookup = {
            "area": area,
            "municipality_id": self._municipality_id(row["municipality"]),
            "case_type": row["case_type"],
        }
        values = _fields(row, schemas.DELEGATION_SCHEMA, skip={"municipality", "case_type"})
        # A delegation to a named official is made in the system, not in the plan's files, so the files leave it be.
        self._save(row, area.delegations, lookup, values, narrowing={"official__isnull": True})

    def _remove_stale(self, area) -> None:
        # Dependants go before what they refer to, so that a PROTECT reference inside the area never blocks removal.
        for model, file_name in (
            (models.ServiceArrangement, schemas.SERVICE_ARRANGEMENTS),
            (models.CaseloadTarget, schemas.CASELOAD_TARGETS),
            (models.StaffPosition, schemas.STAFF_POSITIONS),
            (models.Delegation, schemas.DELEGATIONS),
            (models.CentralisedService, schemas.CENTRALISED_SERVICES),
            (models.CooperationBody, schemas.BODIES),
            (models.Partner, schemas.PARTNERS),
            (models.AreaStaffFact, schemas.AREA_STAFF),
            (models.Team, schemas.TEAMS),
            (models.Office, schemas.OFFICES),
            (models.Municipality, schemas.MUNICIPALITIES),
        ):
            stale = model.objects.filter(area=area).exclude(pk__in=self.kept[model])
            if model is models.Delegation:
                stale = stale.filter(official__isnull=True)
            for instance in stale:
                try:
                    instance.delete()
                except (ProtectedError, RestrictedError) as error:
                    referring = getattr(error, "protected_objects", None) or error.restricted_objects
                    kinds = sorted({str(item._meta.verbose_name) for item in referring})
                    raise AreaDataError(
                        file_name,
                        str(instance),
                        _(
                            "kohde on poistettu tiedostosta, mutta sitä ei voi poistaa tietokannasta, "
                            "koska siihen viitataan: %(kinds)s"
                        )
                        % {"kinds": ", ".join(kinds)},
                    ) from error
                self.summary.removed += 1
