"""A change-security customer's status from the registry's facts (pure): registered, in services, employed, or gone.

* employed: the job search ended because the person found work, or it is open and the person is employed (works
  while still looking, e.g. a fixed-term job);
* in services: the job search is open and the person is in employment services (training, a work trial);
* registered: the job search is open in any other status (unemployed, laid off, part-time work, studying);
* ended otherwise: the job search ended for another reason (studies, moved away, pension, no contact).
"""

EMPLOYED = "employed"
IN_SERVICES = "in_services"
REGISTERED = "registered"
ENDED_OTHERWISE = "ended_otherwise"
ORDER = (REGISTERED, IN_SERVICES, EMPLOYED, ENDED_OTHERWISE)


def status(*, job_search_ended: bool, end_reason: str, registry_status: str) -> str:
    """The change-security status; the values are jobseekers.enums' (end reason "employed", status "in_services")."""
    if job_search_ended:
        return EMPLOYED if end_reason == "employed" else ENDED_OTHERWISE
    if registry_status == "employed":
        return EMPLOYED
    if registry_status == "in_services":
        return IN_SERVICES
    return REGISTERED
