from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """Like DRF's, but `?limit=abc` or `?offset=-1` is a 400 naming the parameter, not silently the default."""

    max_limit = 1000

    def _checked(self, request, name):
        raw = request.query_params.get(name)
        if raw is None:
            return
        if not raw.isdigit():
            raise ValidationError({name: [_("Arvon on oltava ei-negatiivinen kokonaisluku.")]})
        if name == self.limit_query_param and not 1 <= int(raw) <= self.max_limit:
            raise ValidationError({name: [_("Arvon on oltava välillä 1–%(max)s.") % {"max": self.max_limit}]})

    def paginate_queryset(self, queryset, request, view=None):
        self._checked(request, self.limit_query_param)
        self._checked(request, self.offset_query_param)
        return super().paginate_queryset(queryset, request, view)
