#!/usr/bin/env python3
"""Generate the dwlogs sample input files and their ground truth.

Standard library only, fixed seed: running it again rewrites byte-identical files
(the .gz members are written with mtime=0 and no file name).

    python3 src/test/scripts/generate_samples.py

The truth (TRUTH.md, truth.json) is computed BY CONSTRUCTION: every record is
counted at the moment it is written, with the issue id, session and activity the
generator put into it.  The regexes near the end of this file are only
self-checks (they make the script fail if a template accidentally matches the
wrong issue or a session/activity id ended up in a record other than intended);
they are not used to compute the truth.

Record = one log entry: a text record with its continuation lines, one JSON line,
or one CSV row (quoted fields may span lines).
Session of a JSON/CSV record = its session field if present and non-empty,
otherwise the id found in the message text.  Same rule for activity.
"""
import csv
import gzip
import io
import json
import os
import random
import re
import uuid
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
HERE = os.path.join(REPO, "sample-logs")
TRUTH_DIR = os.path.join(REPO, "src", "test", "resources", "sample-truth")
SEED = 20261120
rng = random.Random(SEED)
EPOCH = datetime(2026, 11, 18, tzinfo=timezone.utc)   # day 0 = 2026-11-18 UTC
DAY = 86_400_000
HOUR = 3_600_000

SIGNATURES = os.path.join(REPO, "conf", "signatures.yaml")


def read_catalog(path=SIGNATURES):
    """The catalog's entry ids (in catalog order), its generic entries and each entry's reference
    ids, read YAML-free from the `- issue_id:`, `generic: true` and `references: [...]` lines.
    Only the ids and the generic flag are taken from the catalog: which entry a written message
    is, is decided here from the reference (DOC_TEXTS, UNKNOWN_DOC, NEAR_DOC)."""
    ids, generic, refs, cur = [], set(), {}, None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"\s*- issue_id:\s*([a-z0-9-]+)\s*$", line)
            if m:
                cur = m.group(1)
                ids.append(cur)
                refs[cur] = []
                continue
            if cur and re.match(r"\s+generic:\s*true\b", line):
                generic.add(cur)
            m = re.match(r"\s+references:\s*\[(.*)\]", line)
            if cur and m:
                refs[cur] = [r.strip() for r in m.group(1).split(",") if r.strip()]
    assert len(ids) == len(set(ids)), "duplicate issue_id in " + path
    return ids, generic, refs


ISSUES, GENERIC, REFERENCES = read_catalog()

# Dual-write context (conf/dwlogs.yaml `context.dual_write`, written again here from its
# documentation): a generic entry counts a record only when the record's message, component,
# other field values or file path names dual-write. Otherwise the record is no catalog issue.
DW_CONTEXT = re.compile(r"(?i)dual[-_ ]?write|microsoft\.dynamics\.integrator|microsoft\.dynamics\.scmextended"
                        r"|dualwritechangeprocessor|\b(?:table|entity)[ _-]?maps?\b|data[ _-]?integrat(?:ion|or)"
                        r"|\b(?:dipv1\d{3}|dw(?:dv|fo)ev\d{4})\b")


def counted_issue(ev, context):
    """The catalog entry a written record counts for: its documented entry, unless that entry is
    generic and the record is out of dual-write context."""
    if ev.issue is None:
        return None
    if ev.issue in GENERIC and not DW_CONTEXT.search(context):
        return None
    return ev.issue


def new_guid():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# ---------------------------------------------------------------- sessions --
SESSIONS = [new_guid() for _ in range(40)]
ISSUE_SESSIONS = SESSIONS[:30]        # may appear in issue records (and in noise)
NOISE_ONLY_SESSIONS = SESSIONS[30:]   # never used by an issue record
SESSION_WEIGHTS = [9 if i < 4 else 3 if i < 12 else 1 for i in range(30)]
ACTS = {s: [new_guid() for _ in range(rng.randint(1, 3))] for s in SESSIONS}


def pick_issue_session():
    return rng.choices(ISSUE_SESSIONS, SESSION_WEIGHTS)[0]


def pick_activity(sess):
    if sess is None:
        return new_guid()
    if rng.random() < 0.25:
        return new_guid()
    return rng.choice(ACTS[sess])


def fid(g, style=None):
    """Render an id the way a log might: lower, upper, braces."""
    if style is None:
        style = rng.choices(["lower", "upper", "brace", "braceupper"], [70, 14, 9, 7])[0]
    if style == "lower":
        return g
    if style == "upper":
        return g.upper()
    if style == "brace":
        return "{" + g + "}"
    return "{" + g.upper() + "}"


S_NOT = ["Session ID: {}", "SessionId={}", "sessionId: {}", "session={}", "session_id={}"]
A_NOT = ["Root activity ID: {}", "activityId={}", "ActivityId: {}", "activity={}",
         "activity_id={}", "Root Activity ID: {}"]
_rot = Counter()


def rot_pick(name, options):
    """Cycle through all options first (so each is used), then random."""
    i = _rot[name]
    _rot[name] += 1
    return options[i] if i < len(options) else rng.choice(options)


def id_suffix(sess, act, allow_newline=True, key="n"):
    """Text (session/activity notations) appended to a message."""
    parts = []
    if sess:
        parts.append(rot_pick("s" + key, S_NOT).format(fid(sess)))
    if act:
        parts.append(rot_pick("a" + key, A_NOT).format(fid(act)))
    if not parts:
        return ""
    shape = rng.choice(["paren", "space", "bracket", "newline"] if allow_newline and len(parts) == 2
                       else ["paren", "space", "bracket"])
    if shape == "paren":
        return " (" + ", ".join(parts) + ")"
    if shape == "bracket":
        return " [" + "; ".join(parts) + "]"
    if shape == "newline":
        return "\n    " + "\n    ".join(parts)
    return " " + " ".join(parts)


# ------------------------------------------------------------------ vocab --
MAPS = [("Customers V3", "accounts"), ("Vendors V2", "msdyn_vendors"),
        ("Customer groups", "msdyn_customergroups"), ("Released products V2", "msdyn_sharedproductdetails"),
        ("Sales order headers V2", "salesorders"), ("Legal entities", "cdm_companies"),
        ("Currencies", "transactioncurrencies"), ("Units", "uoms"), ("CDS Contacts V2", "contacts"),
        ("Vendor groups", "msdyn_vendorgroups"), ("Payment terms", "msdyn_paymentterms")]
FO_ENTITIES = ["CustCustomerV3Entity", "VendVendorV2Entity", "CustCustomerGroupEntity", "UnitOfMeasureEntity",
               "EcoResReleasedProductV2Entity", "SalesOrderHeaderV2Entity", "DirPartyPostalAddressLocationCDSEntity"]
FO_TABLES = ["CustTable", "VendTable", "CustGroup", "UnitOfMeasure", "InventTable", "SalesTable", "LogisticsPostalAddress"]
ORGS = ["contoso-prod.crm4.dynamics.com", "contoso-uat.crm4.dynamics.com", "fabrikam-test.crm.dynamics.com"]
FO_HOSTS = ["contoso-prod.operations.dynamics.com", "contoso-uat.sandbox.operations.dynamics.com"]
STATUSES = ["Not running", "Initializing", "Running", "Paused", "Resuming"]
SOLUTIONS = [("Dynamics365Company", "2.0.2.10", "2.0.133"), ("Dynamics365FinanceExtended", "1.0.0.0", "2.0.227"),
             ("Dynamics365FinanceAndOperationsCommon", "1.0.0.0", "2.0.133"),
             ("CurrencyExchangeRates", "1.0.0.0", "2.0.133"), ("Dynamics365SupplyChainExtended", "1.0.0.0", "2.0.227")]
STACK_HTTP = [
    "System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.",
    "   at System.Net.Http.HttpConnection.SendAsyncCore(HttpRequestMessage request, CancellationToken cancellationToken)",
    "   at Microsoft.Dynamics.Integrator.QueryGenerator.AxClient.<ExportAxPackage>d__16.MoveNext()",
    "--- End of stack trace from previous location where exception was thrown ---",
    "   at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()",
    "   at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)",
    "   at Microsoft.D365.ServicePlatform.Context.ServiceContext.Activity.<ExecuteAsync>d__11`2.MoveNext()",
]
STACK_SQL = [
    "System.Data.SqlClient.SqlException (0x80131904): Transaction (Process ID 87) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.",
    "   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
    "   at Microsoft.Dynamics.Ax.Xpp.DualWrite.DualWriteOutboundProcessor.processBatch(Int64 batchId)",
    "   at Microsoft.Dynamics.Ax.Xpp.DualWrite.DualWriteOutboundProcessor.run()",
]
STACK_TIMEOUT = [
    "System.Threading.Tasks.TaskCanceledException: A task was canceled.",
    "   at Microsoft.Dynamics.Integrator.DualWriteRuntime.LiveSync.RecordWriter.WriteAsync(RecordBatch batch)",
    "   at Microsoft.Dynamics.Integrator.DualWriteRuntime.LiveSync.SyncWorker.<ProcessAsync>d__7.MoveNext()",
]


def mp():
    return rng.choice(MAPS)


def noise_body():
    """(level, component, body, continuation lines) for an ordinary record."""
    r = rng.random()
    m, t = mp()
    if r < 0.60:
        lvl = "INFO"
        k = rng.randint(0, 8)
        if k == 0:
            n = rng.randint(1, 500)
            return lvl, "LiveSync", f"Live sync batch {rng.randint(1000, 99999)} for table map '{m} ({t})' committed: {n} records in {rng.randint(20, 4000)} ms", []
        if k == 1:
            a, b = rng.randint(0, 400), rng.randint(0, 400)
            return lvl, "InitialSync", f"Executed leg: From AX {m} to CRM {t} with exported records count: {a + b}, ImportRecordsErrorCount: 0, ImportRecordsInsertedCount: {a} and ImportRecordsUpdatedCount: {b}", []
        if k == 2:
            i = rng.randint(0, 3)
            return lvl, "MapManager", f"Table map '{m} ({t})' status changed from {STATUSES[i]} to {STATUSES[i + 1]}", []
        if k == 3:
            return lvl, "HealthMonitor", f"Health probe /api/health returned 200 OK in {rng.randint(3, 250)} ms", []
        if k == 4:
            return lvl, "TokenService", f"Token acquired for resource https://{rng.choice(ORGS)} (expires in {rng.randint(3000, 3599)} s)", []
        if k == 5:
            return lvl, "LiveSync", f"Queued records for '{m} ({t})': Total queued record count {rng.randint(0, 40)}", []
        if k == 6:
            return lvl, "InitialSync", f"Initial sync execution {new_guid()} for '{m} ({t})' progress {rng.randint(1, 99)}%", []
        if k == 7:
            return lvl, "DMF", f"DMF export job DW-{m.replace(' ', '')}-{rng.randint(100, 999)} finished with status Succeeded; {rng.randint(1, 90000)} records exported", []
        return lvl, "DualWriteAdmin", f"Catch-up errors retry for '{m} ({t})': Retry status Completed, {rng.randint(1, 30)} records", []
    if r < 0.85:
        lvl = "DEBUG"
        k = rng.randint(0, 3)
        if k == 0:
            return lvl, "HttpClient", f"HTTP GET https://{rng.choice(ORGS)}/api/data/v9.2/{t}?$top=500 -> 200 ({rng.randint(8, 900)} ms)", []
        if k == 1:
            i = rng.randrange(len(FO_TABLES))
            return lvl, "BusinessEvents", f"Business event tracked: table {FO_TABLES[i]} RecId={5637144576 + rng.randint(1, 99999)} for entity {FO_ENTITIES[i]}", []
        if k == 2:
            return lvl, "LiveSync", f"Payload for {rng.choice(FO_ENTITIES)} serialized ({rng.randint(400, 90000)} bytes), correlationId={new_guid()}", []
        return lvl, "Metadata", f"Cache hit for table metadata {t} (version {rng.randint(1, 40)})", []
    if r < 0.88:
        return "TRACE", "LiveSync", f"Entering DualWriteRuntime.ProcessBatch(batchSize={rng.choice([50, 100, 250, 500, 1000])})", []
    lvl = "WARN"
    k = rng.randint(0, 4)
    if k == 0:
        return lvl, "HttpClient", f"Transient failure calling Dataverse Web API for {t}; retry {rng.randint(1, 3)} of 3 in {rng.choice([500, 1000, 2000, 4000])} ms", list(STACK_HTTP)
    if k == 1:
        return lvl, "LiveSync", f"Deadlock while writing outbound batch for {m}; the batch will be retried", list(STACK_SQL)
    if k == 2:
        return lvl, "LiveSync", f"Write to {t} cancelled after {rng.randint(100, 120)} s; record requeued", list(STACK_TIMEOUT)
    if k == 3:
        return lvl, "HttpClient", f"HTTP 429 Too Many Requests from https://{rng.choice(ORGS)}; backing off {rng.randint(1, 30)} s", []
    return lvl, "Alerts", f"Alert threshold reached: {rng.randint(10, 40)} Application error entries within 15 minutes for '{m} ({t})'", []


# ------------------------------------------------------ catalog messages --
# Each returns (body, continuation_lines).  «S» / «A» are placeholders for the
# session / activity id that the renderer fills in (ids embedded in the text).
def iss_map401(v):
    m, t = mp()
    pre = rng.choice([f"Create table map '{m} ({t})' failed: ", f"Adding table map '{m} ({t})' was rejected. ", ""])
    txt = {
        "exact": "Response status code does not indicate success: 401 (Unauthorized).",
        "doesnt": "Response status code doesn't indicate success: 401 (Unauthorized).",
        "noperiod": "Response status code does not indicate success: 401 (Unauthorized)",
        "lower": "response status code does not indicate success: 401 (unauthorized).",
        "upper": "RESPONSE STATUS CODE DOES NOT INDICATE SUCCESS: 401 (UNAUTHORIZED).",
        "spaces": "Response status code  does not indicate   success:  401 (Unauthorized).",
    }[v]
    return pre + txt, []


def iss_login(v):
    pre = rng.choice(["Dual-write workspace frame failed to render: ", "Browser reported: ", ""])
    txt = {
        "exact": "login.microsoftonline.com refused to connect.",
        "noperiod": "login.microsoftonline.com refused to connect",
        "case": "Login.MicrosoftOnline.com refused to connect.",
        "spaces": "login.microsoftonline.com  refused  to connect.",
    }[v]
    return pre + txt, []


def iss_link403(v):
    if v == "lines":
        return "Response status code does not indicate success: 403 (tokenexchange).", ["Session ID: «S»", "Root activity ID: «A»"]
    if v == "lines-doesnt":
        return ("Link to Dataverse environment failed. Response status code doesn't indicate success: 403 (tokenexchange).",
                ["Session ID: «S»", "Root Activity ID: «A»"])
    if v == "lines-mapadd":
        m, t = mp()
        return (f"Adding table map '{m} ({t})': Response status code does not indicate success: 403 (tokenexchange)",
                ["Session ID: «S»", "Root activity ID: «A»"])
    if v == "historical":
        conn, user, tenant = new_guid(), new_guid(), new_guid()
        region = rng.choice(["unitedstates-002", "europe-001", "unitedkingdom-001"])
        return ('[Forbidden], [{"status":403,"source":"https://%s.token.azure-apim.net:443/tokens/%s/dynamicsax/%s/exchange",'
                '"message":"Error from token exchange: User %s@%s is not allowed to access connection %s/dynamicsax/%s"}], '
                'The remote server returned an error: (403) Forbidden. Session ID: «S» Root Activity ID: «A»'
                % (region, region, conn, user, tenant, region, conn)), []
    raise KeyError(v)


def iss_stopmap(v):
    conn = new_guid()
    m, t = mp()
    pre = rng.choice([f"Stop table map '{m} ({t})' failed: ", ""])
    neg = "isn't" if v == "isnt" else "is not"
    if v == "wrapped":   # line-wrapped exactly like the docs page
        return (pre + '[Forbidden], [{"status":403,"source":"","message":"Error from token exchange:',
                ["User is not allowed to access connection",
                 'dynamicscrmonline/%s"}], The remote server returned an' % conn,
                 "error: (403) Forbidden."])
    return (pre + '[Forbidden], [{"status":403,"source":"","message":"Error from token exchange: User %s allowed to access '
            'connection dynamicscrmonline/%s"}], The remote server returned an error: (403) Forbidden.' % (neg, conn)), []


def iss_initsync(v):
    m, t = mp()
    pre = rng.choice([f"Table map '{m} ({t})' could not be set to Running. ", ""])
    if v == "wrapped":
        return (pre + "Unable to complete initial data sync. Error: dual-write failure - plugin registration failed:",
                ["Unable to build dual-write lookup metadata. Error object reference not set to an instance of an object."])
    txt = {
        "exact": "Unable to complete initial data sync. Error: dual-write failure - plugin registration failed: Unable to build dual-write lookup metadata. Error object reference not set to an instance of an object.",
        "case": "Unable to complete initial data sync. Error: Dual-write failure - Plugin registration failed: Unable to build Dual-write lookup metadata. Error Object reference not set to an instance of an object.",
        "spaces": "Unable to complete initial data sync.  Error: dual-write failure -  plugin registration failed: Unable to build dual-write lookup metadata.  Error object reference not set to an instance of an object.",
        "noperiod": "Unable to complete initial data sync. Error: dual-write failure - plugin registration failed: Unable to build dual-write lookup metadata. Error object reference not set to an instance of an object",
    }[v]
    return pre + txt, []


def iss_version(v):
    if v.startswith("bare"):
        name, have, need = SOLUTIONS[int(v[-1])]
        return f"Dynamics 365 for Sales solution '{name}' has version mismatch. Version: '{have}' Required version: '{need}'", []
    if v == "cg":
        return "Customer groups (msdyn_customergroups) : Dual write failure - Dynamics 365 for Sales solution 'Dynamics365Company' has version mismatch. Version: '2.0.2.10' Required version: '2.0.133'", []
    if v == "cg2026":
        return "Customer groups (msdyn_customergroups): Dual write failure - Dynamics 365 for Sales solution 'Dynamics365Company' has version mismatch. Version: '2.0.2.10' Required version: '2.0.133'", []
    if v == "dualwrite":
        m, t = mp()
        name, have, need = rng.choice(SOLUTIONS)
        return f"{m} ({t}) : dual-write failure - Dynamics 365 for Sales solution '{name}' has version mismatch. Version: '{have}' Required version: '{need}'.", []
    if v == "lower":
        name, have, need = rng.choice(SOLUTIONS)
        return f"dynamics 365 for sales solution '{name}' HAS VERSION MISMATCH. version: '{have}' required version: '{need}'", []
    raise KeyError(v)


def iss_module(v):
    return {
        "a": "Unable to load the Dual-write page: the data integration service is unavailable (503 Service Unavailable).",
        "b": "Selecting the Dual Write tile in the Data management workspace did not open the Dual-write page: data integration service is down.",
        "c": "Dual-write page could not be loaded from the Data management workspace; the data integration service is unavailable (HTTP 503, Retry-After 120).",
    }[v], []


def iss_parallel(v):
    ent = rng.choice(["Customers V3", "Vendors V2", "Released products V2", "Sales order headers V2", "CDS Contacts V2"])
    secs = rng.choice([3600, 5400, 7200])
    n = rng.randint(60000, 480000)
    return {
        "a": f"DMF import of entity '{ent}' from Dataverse timed out after {secs} seconds; {n} records pending.",
        "b": f"DMF import of entity '{ent}' from customer engagement into finance and operations timed out after {secs} seconds; {n} records pending.",
        "c": f"Import from Dataverse to finance and operations is slow: entity '{ent}' imported {rng.randint(5000, 20000)} of {n} records in {secs} seconds (single-threaded); enable parallel processing (Import threshold record count, Import task count).",
    }[v], []


ISSUE_GEN = {
    "map-create-401": iss_map401, "login-refused": iss_login, "link-403-tokenexchange": iss_link403,
    "stop-map-403-forbidden": iss_stopmap, "initial-sync-lookup-metadata": iss_initsync,
    "solution-version-mismatch": iss_version, "module-unavailable": iss_module,
    "parallel-import-advisory": iss_parallel,
}
ISSUE_COMP = {
    "map-create-401": "MapManager", "login-refused": "DualWriteAdmin", "link-403-tokenexchange": "DualWriteAdmin",
    "stop-map-403-forbidden": "MapManager", "initial-sync-lookup-metadata": "InitialSync",
    "solution-version-mismatch": "MapManager", "module-unavailable": "DualWriteAdmin",
    "parallel-import-advisory": "DMF",
}

# ----------------------------------------------------------- near misses --
NEAR = {
    "nm-404": lambda: (rng.choice(["Response status code does not indicate success: 404 (Not Found).",
                                   "Response status code doesn't indicate success: 404 (Not Found)."]), []),
    "nm-403-forbidden": lambda: ("Response status code does not indicate success: 403 (Forbidden).", []),
    "nm-processed-401": lambda: (f"Processed 401 records in batch {rng.randint(2, 40)}; 0 unauthorized rows skipped.", []),
    "nm-sharepoint": lambda: ("contoso.sharepoint.com refused to connect.", []),
    "nm-user-allowed": lambda: (f"User is allowed to access connection dynamicscrmonline/{new_guid()}", []),
    "nm-initsync-dupkey": lambda: (f"Unable to complete initial data sync. Error: Duplicate key value in table {rng.choice(MAPS)[1]} for integration key '{rng.choice(['USMF', 'DEMF', 'GBSI'])}-{rng.randint(1000, 9999)}'.", []),
    # codes the error-code page does not list match nothing
    "nm-dipv-undocumented": lambda: (rng.choice(["DIPV1009: Unknown validation error",
                                                 "Error code DIPV1013 - Validation error in project Contoso accounts sync"]), []),
    "nm-package-version": lambda: (f"Package version mismatch detected for '{rng.choice(SOLUTIONS)[0]}': installed package '1.0.0.{rng.randint(0, 9)}', deployment manifest '2.0.{rng.randint(100, 300)}'.", []),
}

# --------------------------------------------- other documented (unknown) --
def unk_isu02():
    return "Saving connection set failed! An item with the same key has already been added.", []


def unk_isy01():
    m = rng.choice(["Financial dimensions", "Customers V3", "Vendors V2"])
    t = {"Financial dimensions": "msdyn_dimensionattributes", "Customers V3": "accounts", "Vendors V2": "msdyn_vendors"}[m]
    bt = rng.randint(1000000, 1999999)
    return "Dual write Initial Sync completed with status: Error. Following are the details:", [
        f"Executed leg: From AX {m} to CRM {t}",
        f"with exported records count: {rng.randint(0, 900)}, ImportRecordsErrorCount: {rng.randint(0, 50)},",
        "ImportRecordsInsertedCount: 0 and ImportRecordsUpdatedCount: 0",
        "ErrorsDetails:",
        "Dual write Initial sync failed",
        "Message: ([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error",
        "Stacktrace: at",
        "Microsoft.Dynamics.Integrator.QueryGenerator.AxClient.<ExportAxPackage>d__16.MoveNext()",
        f"in X:\\bt\\{bt}\\repo\\src\\Core\\QueryGenerator\\AxClient.cs:line {rng.randint(200, 300)}",
        "--- End of stack trace from previous location where exception was thrown ---",
        "at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()",
    ]


def unk_isy01_short():
    return "([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error.", []


def unk_isy02():
    return "([Forbidden], The remote server returned an error: (403) Forbidden.), AX export encountered an error", []


def unk_lsy02():
    ent, fo = rng.choice([("uoms", "UnitOfMeasureEntity"), ("msdyn_customergroups", "CustCustomerGroupEntity"),
                          ("msdyn_paymentterms", "PaymentTermsEntity")])
    return (f"Cannot save the changes to the database. Unit of Work can not commit transaction. Unable to write data to entity {ent}. "
            f"Writes to {fo} failed with error message Unable to sync with entity {ent}."), []


def unk_lsy01():
    return ('[{\\"error\\":{\\"code\\":\\"0x80072560\\",\\"message\\":\\"The user is not a member of the organization.\\"}}], '
            'The remote server returned an error: (403) Forbidden."}}".'), []


def unk_lsy05():
    return (f"SecureConfig Organization (ContosoTest{rng.randint(1, 9)}) does not match actual CRM Organization "
            f"(org{uuid.UUID(int=rng.getrandbits(128)).hex[:8]}_{rng.randint(100000000, 999999999)}_20261{rng.randint(101, 117)}T{rng.randint(100000, 235959)})"), []


def unk_lsy06():
    n = rng.randint(100, 999)
    return (f"Unable to write data to entity aaa_fundingsources. Unable to lookup ebecsfs_contracts with values {{PC00{n}}}. "
            f"Unable to lookup aaa_fundingsources with values {{PC00{n}}}. Writes to aaa_fundingsources failed with error message "
            "Exception message: The remote server returned an error: (400) Bad Request."), []


def unk_lsy07():
    return ("Unable to write data to entity msdyn_partypostaladdresses.Writes to DirPartyPostalAddressLocationCDSEntity failed with error "
            "message Request failed with status code BadRequest and CDS error code : 0x80040265 response message: An error occurred in "
            "plugin. A record that has the attribute values Location ID already exists. The entity key Location ID Key requires that this "
            "set of attributes contains unique values. Select unique values and try again."), []


def unk_isu01():
    p = f"DWM-{new_guid()}-{new_guid()}"
    return (f"Dual write failure - Plugin registration failed: [(Unable to get partition map for project {p}. Error Exceeds the "
            f"maximum partitions allowed for mapping {p})], One or more errors occurred."), []


def unk_isu04():
    return f"Finance and operations apps environment contoso-{rng.choice(['dev', 'test', 'uat'])}{rng.randint(1, 20)}.cloudax.dynamics.com is not discoverable.", []


def unk_sol01():
    return "The entity with a name 'msdyn_dualwriteentitymap' with namemapping='Logical' was not found in the MetadataCache.", []


def unk_projops():
    g = new_guid().upper()
    return ("Unable to write data to entity msdyn_expenses.Writes to ProjExpenseExportEntity failed with error message Request failed "
            "with status code BadRequest and CDS error code : 0x80040265 response message: Could not resolve project task for export "
            "expense. The specified task activity number doesn't uniquely identify task of the project in the system..For information "
            f"on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045. Activity ID for troubleshooting {{{g}}}For "
            "information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045.."), []


def unk_msgsize():
    return f"Error Code: -2147220970 Error Message: Message size exceeded when sending context to Sandbox. Message size: {rng.randint(117, 140)} MB", []


def unk_isu05():
    bt = rng.randint(1000000, 1999999)
    return ("MSG=[Failed to setup dual write environment. Error Details:Response status code does not indicate success: 403 (Forbidden). "
            "- Response status code does not indicate success: 403 (Forbidden).] STACKTRACE=[   at Microsoft.Dynamics.Integrator."
            "ProjectManagementService.DualWrite.DualWriteConnectionSetProcessor.<CreateDualWriteConnectionSetAsync>d__29.MoveNext() in "
            f"X:\\bt\\{bt}\\repo\\src\\ProjectManagementService\\DualWrite\\DualWriteConnectionSetProcessor.cs:line 297"), [
        "--- End of stack trace from previous location where exception was thrown ---",
        "   at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()",
        "   at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)",
        "   at Microsoft.Dynamics.Integrator.ProjectManagementService.Controllers.DualWriteEnvironmentManagementController."
        f"<SetupDualWriteEnvironmentAsync>d__34.MoveNext() in X:\\bt\\{bt}\\repo\\src\\ProjectManagementService\\Controllers\\"
        "DualWriteEnvironmentManagementController.cs:line 265]",
    ]


def unk_upg01():
    # continuation lines start with a US-style date: NOT a record-start timestamp.
    return ("Infolog diagnostic message: 'Cannot select a row in Dual write project sync (DualWriteProjectConfiguration). The SQL "
            "database has issued an error.' on category 'Error'."), [
        "11/19/2026 15:18:20: Infolog diagnostic message: '[Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Invalid column name 'ISDELETE'.' on category 'Error'.",
        "11/19/2026 15:18:20: Application configuration sync failed.",
        "Microsoft.Dynamics.AX.Framework.Database.TableSyncException: Custom action threw exception(s), please investigate before synchronizing again: 'InfoException:Stack trace: Call to TTSCOMMIT without first calling TTSBEGIN.\"",
    ]


def unk_gab03():
    return f"Unable to write data to entity msdyn_contactforparties. Unable to lookup msdyn_parties with values {{00000{rng.randint(1000, 9999)}}}. Unable to lookup cdm_workers with values {{000{rng.randint(100, 999)}}}.", []


# The catalog entry each formerly unknown text is, from its reference section (the reference id
# is checked against the entry's `references:` at start-up, see check_attribution).
UNKNOWN_DOC = {
    "unk_isu02": ("ISU-02", "connection-set-duplicate-key"), "unk_isy01": ("ISY-01", "initial-sync-400-bad-request"),
    "unk_isy01_short": ("ISY-01", "initial-sync-400-bad-request"), "unk_isy02": ("ISY-02", "initial-sync-403-forbidden"),
    "unk_lsy02": ("LSY-02", "live-sync-unable-to-sync-entity"), "unk_lsy01": ("LSY-01", "live-sync-user-not-member"),
    "unk_lsy05": ("LSY-05", "secureconfig-org-mismatch"), "unk_lsy06": ("LSY-06", "live-sync-batch-lookup"),
    "unk_lsy07": ("LSY-07", "address-location-id-key"), "unk_isu01": ("ISU-01", "legal-entity-partition-limit"),
    "unk_isu04": ("ISU-04", "environment-not-discoverable"), "unk_sol01": ("SOL-01", "entitymap-not-in-metadatacache"),
    "unk_projops": ("PRO-01", "po-expense-project-task-not-resolved"),
    "unk_msgsize": ("OTH-sync-limits-message-size", "sandbox-message-size-exceeded"),
    "unk_isu05": ("ISU-05", "connection-setup-403-forbidden"), "unk_upg01": ("UPG-01", "upgrade-db-sync-project-config"),
    "unk_gab03": ("GAB-03", "contact-view-form-lookup"),
}
# Near-misses of the seed page that another page documents: the 404 status line is ISU-03
# (generic: counted only in dual-write context, otherwise still an unmatched error).
NEAR_DOC = {"nm-404": ("ISU-03", "dual-write-page-404")}


def check_attribution():
    """Every entry this generator writes for is in the catalog, and covers the reference id the
    generator took its text from (a renamed or re-cut entry fails here, not in the truth)."""
    for name, (ref, issue) in list(UNKNOWN_DOC.items()) + list(NEAR_DOC.items()):
        assert ref in REFERENCES.get(issue, []), (name, ref, issue, REFERENCES.get(issue))
    for issue in list(DOC_TEXTS) + [g[0] for g in OTHER_APP_GENERIC]:
        assert issue in ISSUES, issue
    for issue, _ in OTHER_APP_GENERIC:
        assert issue in GENERIC, issue


def doc_issue(gen_or_tag):
    name = gen_or_tag if isinstance(gen_or_tag, str) else gen_or_tag.__name__
    hit = UNKNOWN_DOC.get(name) or NEAR_DOC.get(name)
    return hit[1] if hit else None


# ------------------------------------------------ every page of the series --
# Messages of every catalog entry beyond the seed page, copied from the documented messages and
# variants in src/test/resources/match/messages.yaml (the reference's texts, as the product writes
# them; the comment names the item). «G» is a fresh GUID each time. The entry a text is written
# for is the entry the reference says it is.
DOC_TEXTS = {
    'legal-entity-partition-limit': [
        'Dual write failure - Plugin registration failed: [(Unable to get partition map for project DWM-«G»-«G». Error Exceeds the maximum partitions allowed for mapping DWM-«G»-«G»)], One or more errors occurred.',  # isu01-verbatim
        'Unable to complete initial data sync. Error: Dual write failure - Plugin registration failed: [(Unable to get partition map for project DWM-«G»-«G». Error Exceeds the maximum partitions allowed for mapping DWM-«G»-«G»)], One or more errors occurred.',  # isu01-with-initial-sync-lead
    ],
    'connection-set-duplicate-key': [
        'Saving connection set failed! An item with the same key has already been added.',  # isu02-in-context
        'System.ArgumentException: An item with the same key has already been added. Key: DAT',  # isu02-inner-exception-in-context
    ],
    'dual-write-page-404': [
        'Response status code does not indicate success: 404 (Not Found).',  # isu03-in-context
        "Response status code doesn't indicate success: 404 (Not Found).",  # isu03-2026-in-context
        '[DualWriteSync] System.Net.Http.HttpRequestException: Response status code does not indicate success: 404 (Not Found).',  # isu03-exception-prefix
    ],
    'environment-not-discoverable': [
        "Finance and operations apps environment contoso.cloudax.dynamics.com isn't discoverable.",  # isu04-2026
    ],
    'connection-setup-403-forbidden': [
        'MSG=[Failed to setup dual write environment. Error Details:Response status code does not indicate success: 403 (Forbidden). - Response status code does not indicate success: 403 (Forbidden).] STACKTRACE=[   at Microsoft.Dynamics.Integrator.ProjectManagementService.DualWrite.DualWriteConnectionSetProcessor.<CreateDualWriteConnectionSetAsync>d__29.MoveNext() in X:\\bt\\1158727\\repo\\src\\ProjectManagementService\\DualWrite\\DualWriteConnectionSetProcessor.cs:line 297\n--- End of stack trace from previous location where exception was thrown ---\n   at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()\n   at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)\n   at Microsoft.Dynamics.Integrator.ProjectManagementService.Controllers.DualWriteEnvironmentManagementController.<SetupDualWriteEnvironmentAsync>d__34.MoveNext() in X:\\bt\\1158727\\repo\\src\\ProjectManagementService\\Controllers\\DualWriteEnvironmentManagementController.cs:line 265]',  # isu05-msg-stacktrace
        'MSG=[Failed to setup dual write environment. Error Details:Response status code does not indicate success: 403 (Forbidden). - Response status code does not indicate success: 403 (Forbidden).]',  # isu05-first-line
        "MSG=[Failed to setup dual-write environment. Error Details:Response status code doesn't indicate success: 403 (Forbidden).]",  # isu05-2026-doesnt-dual-write-hyphen
    ],
    'initial-sync-400-bad-request': [
        '([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error.',  # isy01-400
        '([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error',  # isy01-400-2020
        'The remote server returned an error: (400) Bad Request.), AX export encountered an error',  # isy01-400-2020-original
    ],
    'initial-sync-403-forbidden': [
        '([Forbidden], The remote server returned an error: (403) Forbidden.), AX export encountered an error',  # isy02-403-ax-export
        'DualWriteSync: ([forbidden], the remote server returned an error: (403) forbidden.), ax export encountered an error',  # isy02-lower-prefix
        'Dual write Initial Sync completed with status: Error. Following are the details:\nExecuted leg: From AX Customer groups to CRM msdyn_customergroups with exported records count: 0, ImportRecordsErrorCount: 0, ImportRecordsInsertedCount: 0 and ImportRecordsUpdatedCount: 0\nErrorsDetails:\nDual write Initial sync failed\nMessage: ([Forbidden], The remote server returned an error: (403) Forbidden.), AX export encountered an error',  # isy02-in-initial-sync-block
    ],
    'initial-sync-lookup-not-found': [
        "Couldn't resolve the guid for the field: msdyn_vendorprimarycontactperson.msdyn_contactpersonid. The lookup wasn't found: 000056. Try this URL(s) to check if the reference data exists: https://focdsdevtest2.crm.dynamics.com/api/data/v9.0/contacts?$select=msdyn_contactpersonid.contactid&$filter=msdyn_contactpersonid eq '000056'",  # isy03-vendor-contact-2024
        "Couldn't resolve the guid for the field: msdyn_billingaccount.accountnumber. The lookup wasn't found: 1206-1. Try this URL(s) to check if the reference data exists: https://focdsdevtest2.crm.dynamics.com/api/data/v9.0/accounts?$select=accountnumber.account&$filter=accountnumber eq '1206-1'",  # isy03-billing-account-2024
        "Could not resolve the guid for the field: msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber. The lookup was not found: V24-1. Try this URL(s) to check if the reference data exists: https://focdsdevtest2.crm.dynamics.com/api/data/v9.0/msdn_vendors?$select=msdyn_vendoraccountnumber,msdyn_vendorid&$filter=msdyn_vendoraccountnumber eq 'V24-1'",  # isy03-2020-was-not-found
    ],
    'initial-sync-lookup-limit': [
        'CRMExport: Package execution complete. Error Description 5 Attempts to get data from\nhttps://unitedstates-002.azure-apim.net/apim/commondataservice/4f3c/v2/datasets/contoso.crm/tables/contacts/items?$select=msdyn_contactpersonid failed.',  # isy04-real-url-wrapped
    ],
    'party-number-not-found': [
        "Party number couldn't be found in Dataverse.",  # isy05-party-number
        'the Party number could not be found',  # gab06-party-number
    ],
    'initial-sync-float-zero': [
        "An error occurred while validating input parameters: Microsoft.OData.ODataException: Can't convert the literal '000000' to the expected type'Edm.Decimal',...",  # isy06-in-context
        "an error occurred while validating input parameters: microsoft.odata.odataexception: cannot convert the literal '000000' to the expected type 'edm.decimal'.",  # isy06-lower-in-context
        "An error occurred while validating input parameters: Microsoft.OData.ODataException: Cannot convert the literal '000000' to the expected type 'Edm.Decimal'.",  # isy06-spaced-cannot-in-context
    ],
    'live-sync-user-not-member': [
        '[{\\"error\\":{\\"code\\":\\"0x80072560\\",\\"message\\":\\"The user is not a member of the organization.\\"}}], The remote server returned an error: (403) Forbidden."}}".',  # lsy01-in-context
        '[{\\"error\\":{\\"code\\":\\"0x80072560\\",\\"message\\":\\"The user isn\'t a member of the organization.\\"}}], The remote server returned an error: (403) Forbidden."}}".',  # lsy01-2026-in-context
        '[Forbidden], [{"error":{"code":"0x80072560","message":"The user is not a member of the organization."}}], The remote server returned an error: (403) Forbidden.',  # lsy01-unescaped-forbidden-prefix-in-context
    ],
    'live-sync-unable-to-sync-entity': [
        'Cannot save the changes to the database. Unit of Work can not commit transaction. Unable to write data to entity uoms. Writes to UnitOfMeasureEntity failed with error message Unable to sync with entity uoms.',  # lsy02-uoms
        "Can't save the changes to the database. Unit of Work can't commit transaction. Unable to write data to entity uoms. Writes to UnitOfMeasureEntity failed with error message Unable to sync with entity uoms.",  # lsy02-uoms-2026
    ],
    'live-sync-dataverse-changed': [
        'An unexpected error occurred from ISV code. (ErrorType = ClientError) Unexpected exception from plug-in (Execute): Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.PostCommitPlugin: System.Exception: failed to process entity account - (A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.',  # lsy04-ce-plugin
        'An unexpected error occurred from ISV code. (ErrorType = ClientError) Unexpected exception from plug-in (Execute): Microsoft.Dynamics.Integrator.CrmPlugins.Plugin: System.Exception: failed to process entity account - (A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.',  # lsy04-ce-plugin-2020
        "An unexpected error occurred from ISV code. (ErrorType = ClientError) Unexpected exception from plug-in (Execute): Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.PostCommitPlugin: System.Exception: failed to process entity account - A connection attempt failed because the connected party didn't properly respond after a period of time, or established connection failed because connected host didn't respond.",  # lsy04-ce-plugin-2026
    ],
    'secureconfig-org-mismatch': [
        'SecureConfig Organization (ProjOpsTest4) does not match actual CRM Organization (org6459f7a8_195867911_20200717T174709)',  # lsy05-relink-example
    ],
    'live-sync-batch-lookup': [
        'Unable to write data to entity aaa_fundingsources.Unable to lookup ebecsfs_contracts with values {PC000123}.Writes to aaa_fundingsources failed with error message Exception message: The remote server returned an error: (400) Bad Request.',  # lsy06-glued
    ],
    'address-location-id-key': [
        'Unable to write data to entity msdyn_partypostaladdresses.Writes to DirPartyPostalAddressLocationCDSEntity failed with error message Request failed with status code BadRequest and CDS error code : 0x80040265 response message: An error occurred in plugin. A record that has the attribute values Location ID already exists. The entity key Location ID Key requires that this set of attributes contains unique values. Select unique values and try again.',  # lsy07-location-id
        'Unable to write data to entity msdyn_partypostaladdresses. Writes to DirPartyPostalAddressLocationCDSEntity failed with error message Request failed with status code BadRequest and CDS error code: 0x80040265 response message: An error occurred in plugin. A record that has the attribute values Location ID already exists. The entity key Location ID Key requires that this set of attributes contains unique values. Select unique values and try again.',  # gab01-location-id
    ],
    'party-record-not-found': [
        '"RecordError0":"Write failed for entity Customers V3 with unknown exception - Party record not found for party type \'Organization\'"}.',  # lsy08-recorderror0
    ],
    'party-type-change': [
        "Cannot update a party's type from 'DirOrganization' to 'DirPerson', a delete of the existing party followed by an insert with the new type should be performed instead.",  # lsy09-party-type
        "Can't update a party's type from 'DirOrganization' to 'DirPerson', a delete of the existing party followed by an insert with the new type should be performed instead.",  # gab05-party-type-2026
    ],
    'ui-session-storage-blocked': [
        "bundle.eed39124e62c58ef34d2.js:37 DOMException: Failed to read the 'sessionStorage' property from 'Window': Access is denied for this document. at t.storeInSessionStorage (https://dataintegrator.trafficmanager.net/bundle.eed39124e62c58ef34d2.js:16:136860 ) at new t (https://dataintegrator.trafficmanager.net/bundle.eed39124e62c58ef34d2.js:69:20103 ) ...",  # gen01-sessionstorage
        "Uncaught DOMException: Failed to read the 'sessionStorage' property from 'Window': Access is denied for this document.",  # gen01-first-line-in-context
    ],
    'upgrade-db-sync-project-config': [
        'Infolog diagnostic message: \'Cannot select a row in Dual write project sync (DualWriteProjectConfiguration). The SQL database has issued an error.\' on category \'Error\'. 10/28/2019 15:18:20: Infolog diagnostic message: \'Object Server Database Synchronizer: \' on category \'Error\'. 10/28/2019 15:18:20: Infolog diagnostic message: \'[Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Invalid column name \'ISDELETE\'.\' on category \'Error\'.\n10/28/2019 15:18:20: Application configuration sync failed.\nMicrosoft.Dynamics.AX.Framework.Database.TableSyncException: Custom action threw exception(s), please investigate before synchronizing again: \'InfoException:Stack trace: Call to TTSCOMMIT without first calling TTSBEGIN."',  # upg01-db-sync
        "Infolog diagnostic message: 'Cannot select a record in Dual write project sync (DualWriteProjectConfiguration). The SQL database has issued an error.' on category 'Error'.",  # upg01-2020-record
        "Infolog diagnostic message: '[Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Invalid column name 'ISDELETE'.' on category 'Error'. 10/28/2019 15:18:20: Infolog diagnostic message: 'SELECT T1.PROJECTNAME,T1.EXTERNALENTITYNAME,T1.INTERNALENTITYNAME,T1.ISDELETE,T1.RECID FROM DUALWRITEPROJECTCONFIGURATION T1 WHERE (PARTITION=5637144576)' on category 'Error'.",  # upg01-sql-line
    ],
    'missing-source-field': [
        'Missing source field PRODUCTNAME in the schema.',  # upg02-productname
        'Released products V2 (msdyn_sharedproductdetails): missing source field productname in the schema.',  # upg02-map-prefix-lower
    ],
    'entitymap-not-in-metadatacache': [
        "The entity with a name 'msdyn_dualwriteentitymap' with namemapping='Logical' was not found in the MetadataCache.",  # sol01-metadatacache
    ],
    'unable-to-write-entity': [
        'Unable to write data to entity msdyn_customergroups',  # ver01-customergroups
        'Unable to write data to entity custtable.Writes to CustCustomerV3Entity failed with error message Request failed with status code BadRequest and CDS error code : 0x80040265 response message: Payment terms Net30 do not exist.',  # ver01-cds-error
        'Unable to write data to entity accounts.Unable to lookup msdyn_paymentterms with values {Net30}.Writes to accounts failed with error message For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045.',  # ver01-missing-payment-terms-lookup
    ],
    'party-maps-project-validation': [
        'Customers V3 (accounts): Project validation failed. Missing destination field msdyn_billingaccount.accountnumber in the schema. Missing destination field msdyn_primarycontact.msdyn_contactforpartynumber in the schema.',  # gab02-project-validation
        'CUSTOMERS V3 (ACCOUNTS): PROJECT VALIDATION FAILED.\nMISSING DESTINATION FIELD MSDYN_BILLINGACCOUNT.ACCOUNTNUMBER IN THE SCHEMA.',  # gab02-two-lines-upper
    ],
    'contact-view-form-lookup': [
        'Unable to write data to entity msdyn_contactforparties. Unable to lookup msdyn_parties with values {000006057}. Unable to lookup cdm_workers with values {000020}.',  # gab03-contactforparties
        'Unable to write data to entity msdyn_contactforparties.Unable to look up msdyn_parties with values {000006057}.Unable to look up cdm_workers with values {000020}.',  # gab03-glued-look-up
    ],
    'contact-update-edm-int32': [
        "Unable to write data to entity msdyn_contactforparties.Writes to smmContactPersonV2Entity failed with error message Request failed with status code BadRequest and CDS error code: 0x0 response message: An error occurred while validating input parameters: Microsoft.OData.ODataException: Cannot convert the literal '' to the expected type 'Edm.Int32'.",  # gab04-edm-int32
        "Unable to write data to entity msdyn_contactforparties. Writes to smmContactPersonV2Entity failed with error message Request failed with status code BadRequest and CDS error code : 0x0 response message: An error occurred while validating input parameters: Microsoft.OData.ODataException: Can't convert the literal '' to the expected type 'Edm.Int32'.",  # gab04-2026-spaced
    ],
    'dipv1000-connection-validation': [
        '[DIPV1000] Connection validation failed',  # dipv1000-bracket
        'DIPV1000: Connection validation failed',  # dipv1000-colon
        'Error code DIPV1000 - Connection validation failed',  # dipv1000-error-code
        "DIPV1000: The ApiHub connection 'shared-commondataser-5f1c' of the connection set is no longer valid.",  # dipv1000-other-text
    ],
    'dipv1001-dual-write-project-validation-exception': [
        '[DIPV1001] Exceptions encountered during Dual-write project validation',  # dipv1001-bracket
        'DIPV1001: Exceptions encountered during Dual-write project validation',  # dipv1001-colon
        'Error code DIPV1001 - Exceptions encountered during Dual-write project validation',  # dipv1001-error-code
        'DIPV1001: System.NullReferenceException while validating the Customers V3 (accounts) project.',  # dipv1001-other-text
    ],
    'dipv1002-cross-company-mapping': [
        '[DIPV1002] Dual-write only supports mapping between cross-company entities or company-specific entities from both sides',  # dipv1002-bracket
        'DIPV1002: Dual-write only supports mapping between cross-company entities or company-specific entities from both sides',  # dipv1002-colon
        'Error code DIPV1002 - Dual-write only supports mapping between cross-company entities or company-specific entities from both sides',  # dipv1002-error-code
        'DIPV1002: Cross-company data sharing is enabled for entity CustCustomerV3Entity.',  # dipv1002-other-text
    ],
    'dipv1003-integration-keys-missing': [
        '[DIPV1003] Integration keys are missing',  # dipv1003-bracket
        'DIPV1003: Integration keys are missing',  # dipv1003-colon
        'Error code DIPV1003 - Integration keys are missing',  # dipv1003-error-code
        'DIPV1003: No alternate key is defined for table msdyn_customergroups.',  # dipv1003-other-text
    ],
    'dipv1004-integration-key-not-bidirectional': [
        "[DIPV1004] Integration key field isn't bi-directionally mapped",  # dipv1004-bracket
        "DIPV1004: Integration key field isn't bi-directionally mapped",  # dipv1004-colon
        "Error code DIPV1004 - Integration key field isn't bi-directionally mapped",  # dipv1004-error-code
        'DIPV1004: Field msdyn_groupid of the integration key is mapped from finance and operations to Dataverse only.',  # dipv1004-other-text
    ],
    'dipv1005-dataset-environment-missing': [
        '[DIPV1005] Missing environment info for dataset',  # dipv1005-bracket
        'DIPV1005: Missing environment info for dataset',  # dipv1005-colon
        'Error code DIPV1005 - Missing environment info for dataset',  # dipv1005-error-code
        'DIPV1005: The connection set has no environment for dataset USMF.',  # dipv1005-other-text
    ],
    'dipv1006-project-validation-exception': [
        '[DIPV1006] Exceptions encountered during project validation',  # dipv1006-bracket
        'DIPV1006: Exceptions encountered during project validation',  # dipv1006-colon
        'Error code DIPV1006 - Exceptions encountered during project validation',  # dipv1006-error-code
        'DIPV1006: Unexpected error while validating project Contoso accounts sync.',  # dipv1006-other-text
    ],
    'dipv1007-task-environment-not-in-connection-set': [
        "[DIPV1007] Task has environment that doesn't exist in the connection set",  # dipv1007-bracket
        "DIPV1007: Task has environment that doesn't exist in the connection set",  # dipv1007-colon
        "Error code DIPV1007 - Task has environment that doesn't exist in the connection set",  # dipv1007-error-code
        'DIPV1007: Task 1 of project Contoso accounts sync points to environment org1a2b3c.',  # dipv1007-other-text
    ],
    'dipv1008-data-partition-invalid': [
        "[DIPV1008] Data partition isn't valid",  # dipv1008-bracket
        "DIPV1008: Data partition isn't valid",  # dipv1008-colon
        "Error code DIPV1008 - Data partition isn't valid",  # dipv1008-error-code
        'DIPV1008: Organization mapping USMF -> Contoso US is no longer valid.',  # dipv1008-other-text
    ],
    'dipv1010-mandatory-field-not-mapped': [
        '[DIPV1010] Mandatory field in destination entity must be mapped',  # dipv1010-bracket
        'DIPV1010: Mandatory field in destination entity must be mapped',  # dipv1010-colon
        'Error code DIPV1010 - Mandatory field in destination entity must be mapped',  # dipv1010-error-code
        'DIPV1010: Field msdyn_name is required on msdyn_customergroups but has no mapping.',  # dipv1010-other-text
    ],
    'dipv1011-readonly-field-mapped': [
        '[DIPV1011] Readonly field in destination entity must not be mapped',  # dipv1011-bracket
        'DIPV1011: Readonly field in destination entity must not be mapped',  # dipv1011-colon
        'Error code DIPV1011 - Readonly field in destination entity must not be mapped',  # dipv1011-error-code
        'DIPV1011: Field createdon of account is read-only and is mapped bidirectionally.',  # dipv1011-other-text
    ],
    'dipv1012-source-filter-parse-error': [
        '[DIPV1012] Error occurred while parsing Dataverse entity source filter',  # dipv1012-bracket
        'DIPV1012: Error occurred while parsing Dataverse entity source filter',  # dipv1012-colon
        'Error code DIPV1012 - Error occurred while parsing Dataverse entity source filter',  # dipv1012-error-code
        'DIPV1012: Source filter (statecode eq 0 and ) of table account could not be read.',  # dipv1012-other-text
    ],
    'dipv1014-integration-key-mapping-missing': [
        '[DIPV1014] Mapping is missing for integration key',  # dipv1014-bracket
        'DIPV1014: Mapping is missing for integration key',  # dipv1014-colon
        'Error code DIPV1014 - Mapping is missing for integration key',  # dipv1014-error-code
        'DIPV1014: Field dataareaid of the integration key of CustCustomerGroupEntity has no mapping.',  # dipv1014-other-text
    ],
    'dipv1015-lookup-integration-key-mapping-missing': [
        '[DIPV1015] Mapping is missing for integration key for lookup field',  # dipv1015-bracket
        'DIPV1015: Mapping is missing for integration key for lookup field',  # dipv1015-colon
        'Error code DIPV1015 - Mapping is missing for integration key for lookup field',  # dipv1015-error-code
        'DIPV1015: Lookup msdyn_customergroupid: the key fields of msdyn_customergroups are not mapped.',  # dipv1015-other-text
    ],
    'dipv1016-destination-organization-mapping-missing': [
        '[DIPV1016] Missing Organization mapping for destination entity',  # dipv1016-bracket
        'DIPV1016: Missing Organization mapping for destination entity',  # dipv1016-colon
        'Error code DIPV1016 - Missing Organization mapping for destination entity',  # dipv1016-error-code
        'DIPV1016: No legal entity mapping for business unit Contoso US.',  # dipv1016-other-text
    ],
    'dipv1017-related-organization-mapping-missing': [
        '[DIPV1017] Missing Organization mapping for related entity',  # dipv1017-bracket
        'DIPV1017: Missing Organization mapping for related entity',  # dipv1017-colon
        'Error code DIPV1017 - Missing Organization mapping for related entity',  # dipv1017-error-code
        'DIPV1017: Related entity msdyn_customergroups has no legal entity mapping.',  # dipv1017-other-text
    ],
    'dipv1018-source-schema-missing': [
        '[DIPV1018] Missing source schema',  # dipv1018-bracket
        'DIPV1018: Missing source schema',  # dipv1018-colon
        'Error code DIPV1018 - Missing source schema',  # dipv1018-error-code
        'DIPV1018: No cached metadata for table CustCustomerV3Entity.',  # dipv1018-other-text
    ],
    'dipv1019-versionnumber-field-missing': [
        "[DIPV1019] Export can't be performed on the table due to the missing versionnumber field",  # dipv1019-bracket
        "DIPV1019: Export can't be performed on the table due to the missing versionnumber field",  # dipv1019-colon
        "Error code DIPV1019 - Export can't be performed on the table due to the missing versionnumber field",  # dipv1019-error-code
        'DIPV1019: Table msdyn_elastictable is an elastic table.',  # dipv1019-other-text
    ],
    'dipv1020-destination-schema-missing': [
        '[DIPV1020] Missing destination schema',  # dipv1020-bracket
        'DIPV1020: Missing destination schema',  # dipv1020-colon
        'Error code DIPV1020 - Missing destination schema',  # dipv1020-error-code
        'DIPV1020: No cached metadata for table account.',  # dipv1020-other-text
    ],
    'dipv1021-source-field-not-in-mapping': [
        '[DIPV1021] Missing source field in the mapping',  # dipv1021-bracket
        'DIPV1021: Missing source field in the mapping',  # dipv1021-colon
        'Error code DIPV1021 - Missing source field in the mapping',  # dipv1021-error-code
        'DIPV1021: Field map 3 of Customers V3 (accounts) has no source field.',  # dipv1021-other-text
    ],
    'dipv1022-source-field-not-in-schema': [
        '[DIPV1022] Missing source field in the schema',  # dipv1022-bracket
        'DIPV1022: Missing source field in the schema',  # dipv1022-colon
        'Error code DIPV1022 - Missing source field in the schema',  # dipv1022-error-code
        'DIPV1022: Field PRODUCTNAME is not in the cached metadata of EcoResProductV2Entity.',  # dipv1022-other-text
    ],
    'dipv1023-duplicate-source-fields': [
        '[DIPV1023] Duplicate source fields',  # dipv1023-bracket
        'DIPV1023: Duplicate source fields',  # dipv1023-colon
        'Error code DIPV1023 - Duplicate source fields',  # dipv1023-error-code
        'DIPV1023: Field msdyn_name is used twice in bidirectional field mappings.',  # dipv1023-other-text
    ],
    'dipv1024-destination-field-not-in-mapping': [
        '[DIPV1024] Missing destination field in the mapping',  # dipv1024-bracket
        'DIPV1024: Missing destination field in the mapping',  # dipv1024-colon
        'Error code DIPV1024 - Missing destination field in the mapping',  # dipv1024-error-code
        'DIPV1024: Field map 7 of Vendors V2 (msdyn_vendors) has no destination field.',  # dipv1024-other-text
    ],
    'dipv1025-destination-field-not-in-schema': [
        '[DIPV1025] Missing destination field in the schema',  # dipv1025-bracket
        'DIPV1025: Missing destination field in the schema',  # dipv1025-colon
        'Error code DIPV1025 - Missing destination field in the schema',  # dipv1025-error-code
        'DIPV1025: Field msdyn_billingaccount.accountnumber is not in the cached metadata of account.',  # dipv1025-other-text
    ],
    'dipv1026-duplicate-destination-fields': [
        '[DIPV1026] Duplicate destination fields',  # dipv1026-bracket
        'DIPV1026: Duplicate destination fields',  # dipv1026-colon
        'Error code DIPV1026 - Duplicate destination fields',  # dipv1026-error-code
        'DIPV1026: Field accountnumber is the destination of two field maps.',  # dipv1026-other-text
    ],
    'dipv1027-destination-lookup-key-not-mapped': [
        '[DIPV1027] Map the integration key associated with the entity lookup field to the destination field',  # dipv1027-bracket
        'DIPV1027: Map the integration key associated with the entity lookup field to the destination field',  # dipv1027-colon
        'Error code DIPV1027 - Map the integration key associated with the entity lookup field to the destination field',  # dipv1027-error-code
        'DIPV1027: Lookup primarycontactid: key fields of contact are not mapped on the destination side.',  # dipv1027-other-text
    ],
    'dipv1028-source-lookup-key-not-mapped': [
        '[DIPV1028] Map the integration key associated with the entity lookup field to the source field',  # dipv1028-bracket
        'DIPV1028: Map the integration key associated with the entity lookup field to the source field',  # dipv1028-colon
        'Error code DIPV1028 - Map the integration key associated with the entity lookup field to the source field',  # dipv1028-error-code
        'DIPV1028: Lookup msdyn_company: key fields of cdm_company are not mapped on the source side.',  # dipv1028-other-text
    ],
    'dipv1029-duplicate-value-map': [
        '[DIPV1029] Duplicate value map',  # dipv1029-bracket
        'DIPV1029: Duplicate value map',  # dipv1029-colon
        'Error code DIPV1029 - Duplicate value map',  # dipv1029-error-code
        'DIPV1029: Source msdyn_name and destination name are mapped twice.',  # dipv1029-other-text
    ],
    'dipv1030-data-type-mismatch': [
        '[DIPV1030] Data type mismatch',  # dipv1030-bracket
        'DIPV1030: Data type mismatch',  # dipv1030-colon
        'Error code DIPV1030 - Data type mismatch',  # dipv1030-error-code
        'DIPV1030: Source field CREDITMAX (Real) is not compatible with destination field creditlimit (Money).',  # dipv1030-other-text
    ],
    'dipv1031-default-transform-missing': [
        '[DIPV1031] Missing default transform for mandatory destination field',  # dipv1031-bracket
        'DIPV1031: Missing default transform for mandatory destination field',  # dipv1031-colon
        'Error code DIPV1031 - Missing default transform for mandatory destination field',  # dipv1031-error-code
        'DIPV1031: Destination field msdyn_name is mandatory and has no default value.',  # dipv1031-other-text
    ],
    'tmhc-100-400-platform-version': [
        'Minimum required finance and operations platform version is PU 43 to run finance and operations recommendations.',  # tmhc100-verbatim
        'Minimum required Finance and Operations platform version is PU 43 to run Finance and Operations recommendations.',  # tmhc100-2021-capitals
        'No business events registration data found for the entity CustCustomerV3Entity which means either the map is not running or all the field mapping are unidirectional.',  # tmhc400-2021-own-text
    ],
    'tmhc-500-no-project-configurations': [
        'No project configurations found for project DWM-«G»-«G». This could be either the project is not enabled or all the field mappings are unidirectional from customer engagement to Finance and Operations.',  # tmhc500-filled
    ],
    'tmhc-900-invalid-source-filter': [
        'Invalid source filter (CustGroup == "10" format for entity CustCustomerV3Entity.',  # tmhc900-filled
    ],
    'tmhc-1000-live-sync-entity-query': [
        "Entity CustCustomerV3Entity query used for dual-write live sync is SELECT T1.ACCOUNTNUM FROM CUSTTABLE T1 WHERE T1.DATAAREAID = 'usmf'. Records which meet the query criteria will be picked up for live sync.",  # tmhc1000-2021-filled
    ],
    'tmhc-1300-virtual-fields-not-tracked': [
        'Virtual fields PRIMARYCONTACTEMAIL for entity CustCustomerV3Entity may not be tracked for dual-write.',  # tmhc1300-filled
    ],
    'tmhc-1500-data-source-not-tracked': [
        'There should be at least one field mapped to a non lookup field on customer engagement to enable tracking on the data source DirPartyTable.',  # tmhc1500-filled
    ],
    'tmhc-1600-data-source-range': [
        'Datasource : CustTable for entity CustCustomerV3Entity has a range. Only records that satisfy the range condition are picked up for outbound.',  # tmhc1600-2021-filled
        'Datasource: CustTable for entity CustCustomerV3Entity has a range.',  # tmhc1600-first-sentence-only
    ],
    'tmhc-1700-table-tracked-by-several-entities': [
        'Table : DirPartyTable for entity CustCustomerV3Entity is tracked for entity VendVendorV2Entity. Same tables tracked for multiple entities can impact system performance for live sync transactions.',  # tmhc1700-2021-filled
    ],
    'tmhc-1800-inbound-range-value': [
        'Datasource: CustTable for entity CustCustomerV3Entity includes a range value.',  # tmhc1800-filled-first-sentence
    ],
    'tmhc-1900-untracked-data-sources': [
        "Entity: CustCustomerV3Entity has 4 data sources that aren't being tracked for outbound dual write. This can affect live sync query performance.",  # tmhc1900-filled
    ],
    'tmhc-2000-fno-integration-key-not-mandatory': [
        'FnO Entity CustCustomerGroupEntity fields CustomerGroupId defined as Integration key attributes are not configured as mandatory.',  # tmhc2000-filled
    ],
    'tmhc-5000-synchronous-plugins': [
        'Synchronous plugins are registered for data management events for entity accounts. These can impact initial sync and live sync import performance into Dataverse. For best performance, change the plugins to asynchronous processing. List of registered plugins Contoso.Plugins.AccountSync, Contoso.Plugins.CreditCheck.',  # tmhc5000-verbatim
    ],
    'tmhc-5100-integration-key-not-alternate-key': [
        'Integration Key msdyn_groupid,msdyn_company is not defined as one of alternate keys in Dataverse for table msdyn_customergroups.',  # tmhc5100-filled
    ],
    'tmhc-5200-dataverse-integration-key-not-mandatory': [
        "Dataverse Entity msdyn_customergroups fields msdyn_groupid defined as Integration key attributes aren't configured as mandatory.",  # tmhc5200-filled
    ],
    'dwdvev1001-dataverse-apihub-connection-missing': [
        '[DWDVEV1001] Connection shared-commondataser-5f1c not found',  # dwdvev1001-bracket-other-text
    ],
    'dwfoev1001-fo-apihub-connection-missing': [
        'DWFOEV1001: Missing AX APIHub connection without ConnectionFix support',  # dwfoev1001-colon
    ],
    'dwdvev1002-deprecated-dataverse-connection': [
        'Error code DWDVEV1002: the commondataservice connector is used in region unitedstates-002',  # dwdvev1002-error-code
    ],
    'dwdvev1003-company-mismatch-dataverse': [
        'Company mismatched between DualWrite and Dataverse',  # dwdvev1003-text
        'Company mismatched between dual-write and Dataverse',  # dwdvev1003-table-version
        '[DWDVEV1003] Company mismatched between DualWrite and Dataverse: USMF, DEMF',  # dwdvev1003-bracket-list
    ],
    'dwfoev1003-company-mismatch-fo': [
        'DWFOEV1003: legal entity DEMF not found',  # dwfoev1003-code-only
    ],
    'dwdvev1004-stale-configuration-dataverse': [
        '[DWDVEV1004] Stale DualWrite Configuration present in DV: msdyn_customergroups',  # dwdvev1004-bracket
    ],
    'dwfoev1004-stale-configuration-fo': [
        'Error code DWFOEV1004 Stale DualWrite Configuration present in F&O',  # dwfoev1004-error-code
    ],
    'dwfoev1005-ax-apihub-connection-missing': [
        'DWFOEV1005: Missing AX APIHub connection',  # dwfoev1005-colon
    ],
    'sandbox-message-size-exceeded': [
        'Error Code: -2147220970 Error Message: Message size exceeded when sending context to Sandbox. Message size: 117 MB',  # oth-sandbox-size-in-context
    ],
    'prospect-postal-address-collection-lookup': [
        'Cannot save the changes to the database. Unit of Work can not commit transaction.\nUnable to write data to entity msdyn_postaladdresses.Unable to lookup msdyn_postaladdresscollections with values {LOC-000001004}.Writes to msdyn_postaladdresses failed with error message Exception message: One or more errors occurred..For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045..Unable to lookup msdyn_postaladdresscollections with values {LOC-000001004}.Writes to msdyn_postaladdresses failed with error message For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045..',  # oth-prospect-raw
        'Unable to write data to entity msdyn_postaladdresses. Unable to look up msdyn_postaladdresscollections with values {LOC-000002117}. Writes to msdyn_postaladdresses failed with error message Exception message: One or more errors occurred.',  # oth-prospect-spaced-look-up
    ],
    'dmf-import-update-conflict': [
        'Import to target failed due to an update conflict as more than one process is trying to update the same record at the same time',  # oth-dmf-update-conflict
        "Execution 'Customers-2025-03-04T10:00' entity 'Customers V3': Import to target failed due to an update conflict as more than one process is trying to update the same record at the same time.",  # oth-dmf-update-conflict-in-log
        'import to target failed due to an update conflict as more than one process\nis trying to update the same record at the same time',  # oth-dmf-update-conflict-lower
    ],
    'dmf-fields-not-mapped-to-entity': [
        'There are field(s), which are not mapped to Entity CustCustomerV3Entity',  # oth-dmf-fields-not-mapped-filled
    ],
    'dmf-package-download-record-not-found': [
        "Data package download - Error downloading data package for job ''. Record for ID - «G» not found",  # oth-dmf-package-download-guid
    ],
    'dmf-xml-format-hresult': [
        'XML is not in correct format-Exception from HRESULT: 0xC0010009',  # oth-dmf-xml-format
    ],
    'dmf-export-file-upload-error': [
        'Error while uploading a file during export',  # oth-dmf-upload-export-in-context
    ],
    'po-expense-project-task-not-resolved': [
        "Unable to write data to entity msdyn_expenses.Writes to ProjExpenseExportEntity failed with error message Request failed with status code BadRequest and CDS error code : 0x80040265 response message: Could not resolve project task for export expense. The specified task activity number doesn't uniquely identify task of the project in the system..For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045. Activity ID for troubleshooting {«G»}For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045..",  # pro01-raw-2021
        "Unable to write data to entity msdyn_expenses. Writes to ProjExpenseExportEntity failed with the error message Request failed with the status code BadRequest and CDS error code: 0x80040265 response message: Could not resolve project task for export expense. The specified task activity number doesn't uniquely identify the task of the project in the system. For more information on troubleshooting, see Troubleshoot live synchronization issues. Activity ID for troubleshooting {«G»}.",  # pro01-2024
    ],
    'po-vendor-invoice-uom-lookup': [
        'Posting - Unable to write data to entity msdyn_projectvendorinvoicelines.Unable to lookup uoms with values {TST}.Writes to msdyn_projectvendorinvoicelines failed with error message For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045.',  # pro02-raw-2021
        'Posting - Unable to write data to entity msdyn_projectvendorinvoicelines. Unable to lookup uoms with values {TST}. Writes to msdyn_projectvendorinvoicelines failed with an error message. For more information on troubleshooting, see Troubleshoot live synchronization issues.',  # pro02-2024
    ],
    'po-vendor-invoice-product-mandatory': [
        'Posting - Unable to write data to entity msdyn_projectvendorinvoicelines.Writes to ProjVendInvoiceLineExportEntity failed with error message Request failed with status code BadRequest and CDS error code : 0x80040265 response message: Product id is mandatory. Select a product from the catalog..For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045. Activity ID for troubleshooting {«G»}For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045..',  # pro03-raw-2021
    ],
    'po-vendor-invoice-transaction-category': [
        'Posting - Unable to write data to entity msdyn_projectvendorinvoicelines.Writes to ProjVendInvoiceLineExportEntity failed with error message Request failed with status code BadRequest and CDS error code : 0x80040265 response message: The Transaction Category linked to this vendor invoice line is invalid. Please select an Active, Expense Transaction Category..For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045. Activity ID for troubleshooting {«G»}For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045..',  # pro04-raw-2021
        'Posting - Unable to write data to entity msdyn_projectvendorinvoicelines. Writes to ProjVendInvoiceLineExportEntity failed with the error message Request failed with status code BadRequest and CDS error code : 0x80040265 response message: The Transaction Category linked to this vendor invoice line is invalid. Please select an Active, Expense Transaction Category. For more information on troubleshooting, see Troubleshoot live synchronization issues.',  # pro04-2024
    ],
    'po-vendor-invoice-vendor-lookup': [
        'Posting - Unable to write data to entity msdyn_projectvendorinvoices.Unable to lookup accounts with values {USPM-000022,«G»}.Writes to msdyn_projectvendorinvoices failed with error message For information on troubleshooting see https://go.microsoft.com/fwlink/?linkid=2244045..',  # pro05-raw-2021
        'Posting - Unable to write data to entity msdyn_projectvendorinvoices. Unable to look up accounts with values {USPM-000022,«G»}. Writes to msdyn_projectvendorinvoices failed with an error message.',  # pro05-2024-look-up
    ],
    'po-actuals-line-property-missing': [
        "Write failed for entity Project Operations integration actuals with unknown exception - Line property Not available doesn't exist. \\nvalidateWrite failed on data source 'ProjCDSActualsImport (ProjCDSActualsImport)'. Please rectify your data and try again. If issue persists after multiple retries, please contact your system administrator.",  # pro06-2024
    ],
    'po-invalid-actuals': [
        'Attribute msdyn_transactiontypecode not found in the record of type msdyn_actual',  # pro08-attribute
        'Unable to write data to entity msdyn_actuals',  # pro09-write
    ],
}


UNKNOWN_GENS = [unk_isu02, unk_isy01_short, unk_isy02, unk_lsy02, unk_lsy01, unk_lsy05, unk_lsy06, unk_lsy07,
                unk_isu01, unk_isu04, unk_sol01, unk_projops, unk_msgsize, unk_gab03]
UNKNOWN_MULTILINE = [unk_isy01, unk_isu05, unk_upg01]


# ------------------------------------------------------------------ events --
class Ev:
    def __init__(self, ts, kind, level, comp, body, cont, sess=None, act=None, issue=None, tag=None):
        self.ts, self.kind, self.level, self.comp = ts, kind, level, comp
        self.body, self.cont = body, cont
        self.sess, self.act, self.issue, self.tag = sess, act, issue, tag
        self.special = None   # e.g. "precedence"


def ms_to_dt(ms):
    return EPOCH + timedelta(milliseconds=ms)


def iso_truth(ms):
    d = ms_to_dt(ms)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def fmt_ts(ms, form, offset_min=0):
    d = ms_to_dt(ms)
    if form == "isoZ":
        return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"
    if form == "comma":
        return d.strftime("%Y-%m-%d %H:%M:%S,") + f"{ms % 1000:03d}"
    if form == "dot":
        return d.strftime("%Y-%m-%d %H:%M:%S.") + f"{ms % 1000:03d}"
    if form == "offset":
        assert ms % 1000 == 0
        loc = d + timedelta(minutes=offset_min)
        sign = "+" if offset_min >= 0 else "-"
        o = abs(offset_min)
        return loc.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{o // 60:02d}:{o % 60:02d}"
    raise KeyError(form)


def local_to_ms(s):
    """'2026-11-21T01:30:00+02:00' -> ms since EPOCH."""
    d = datetime.fromisoformat(s)
    return int((d - EPOCH).total_seconds() * 1000)


class FileSpec:
    def __init__(self, path, fmt, days, noise, issues, unknown=0, unknown_ml=0, near=(), tsform="isoZ",
                 offset=0, sess_rate=0.45, fixed=()):
        self.path, self.fmt, self.days, self.noise = path, fmt, days, noise
        self.issues, self.unknown, self.unknown_ml, self.near = issues, unknown, unknown_ml, near
        self.tsform, self.offset, self.sess_rate, self.fixed = tsform, offset, sess_rate, fixed


def rand_ts(spec):
    lo, hi = spec.days[0] * DAY, spec.days[1] * DAY
    ms = rng.randrange(lo, hi)
    if spec.tsform == "offset":
        ms -= ms % 1000
    return ms


# Where the messages of each page go: the files whose product writes them (category -> files).
CATEGORY_FILES = {
    "setup": ["service/dualwrite-service-2026-11-18.log", "gateway/onprem-gateway-us-east.log",
              "service/dualwrite-service-2026-11-20.log.gz"],
    "ui": ["aos/fno-aos-dualwrite.txt", "gateway/onprem-gateway-us-east.log", "livesync/livesync-2026-11-19.jsonl"],
    "initial-sync": ["integrator/data-integrator-worker.log", "activitylog/dualwrite-activity-log.csv",
                     "errorlog/DualWriteErrorLog-export.csv"],
    "live-sync": ["livesync/livesync-2026-11-19.jsonl", "errorlog/DualWriteErrorLog-export.csv",
                  "livesync/livesync-2026-11-21.jsonl.gz"],
    "upgrade": ["aos/fno-aos-dualwrite.txt"],
    "solution": ["plugin-trace/plugintracelog-export.json", "service/dualwrite-service-2026-11-18.log"],
    "configuration": ["service/dualwrite-service-2026-11-20.log.gz"],
    "party-gab": ["livesync/livesync-2026-11-21.jsonl.gz", "errorlog/DualWriteErrorLog-export.csv"],
    "map-validation": ["service/dualwrite-service-2026-11-18.log", "activitylog/dualwrite-activity-log.csv",
                       "service/dualwrite-service-2026-11-20.log.gz", "livesync/livesync-2026-11-19.jsonl"],
    "health-check": ["activitylog/dualwrite-activity-log.csv", "aos/fno-aos-dualwrite.txt",
                     "service/dualwrite-service-2026-11-20.log.gz"],
    "limits": ["plugin-trace/plugintracelog-export.json", "appinsights/dmf-telemetry.ndjson"],
    "data-management": ["appinsights/dmf-telemetry.ndjson", "aos/fno-aos-dualwrite.txt"],
    "project-operations": ["errorlog/DualWriteErrorLog-export.csv", "livesync/livesync-2026-11-21.jsonl.gz",
                           "plugin-trace/plugintracelog-export.json"],
}
CATEGORY_COMP = {
    "setup": "ConnectionSetup", "ui": "DualWriteAdmin", "initial-sync": "InitialSync", "live-sync": "LiveSync",
    "upgrade": "DbSync", "solution": "SolutionImport", "configuration": "Configuration", "party-gab": "LiveSync",
    "map-validation": "MapValidation", "health-check": "HealthCheck", "limits": "Sandbox", "data-management": "DMF",
    "project-operations": "ProjectOperations",
}


def read_categories(path=SIGNATURES):
    """entry id -> category, YAML-free like read_catalog."""
    out, cur = {}, None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"\s*- issue_id:\s*([a-z0-9-]+)\s*$", line)
            if m:
                cur = m.group(1)
            m = re.match(r"\s+category:\s*([a-z-]+)\s*$", line)
            if cur and m:
                out[cur] = m.group(1)
    return out


CATEGORY = read_categories()


def plan_docs():
    """(file, entry, text) for every written page message: each text of an entry once, plus one
    more occurrence of its first text, spread over the files of its category in turn."""
    plan = defaultdict(list)
    turn = Counter()
    for issue in ISSUES:
        texts = DOC_TEXTS.get(issue)
        if not texts:
            continue
        files = CATEGORY_FILES[CATEGORY[issue]]
        for text in texts + texts[:1]:
            plan[files[turn[CATEGORY[issue]] % len(files)]].append((issue, text))
            turn[CATEGORY[issue]] += 1
    return plan


DOC_PLAN = plan_docs()


# The product's runtime errors end with "Activity ID for troubleshooting {GUID}": that GUID is the
# record's activity (conf/dwlogs.yaml reads it), so the record gets no other activity id.
TROUBLESHOOTING_ACT = re.compile(r"(?i)activity\s+id\s+for\s+troubleshooting\s*" + r"\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?")


def troubleshooting_activity(text, act):
    m = TROUBLESHOOTING_ACT.search(text)
    return m.group(1).lower() if m else act


# Variable parts varied per occurrence: (entries whose id starts with, literal in the text, choices).
DOC_VARY = [
    ("unable-to-write-entity", "msdyn_customergroups", [t for _, t in MAPS]),
    ("dipv", "CustCustomerV3Entity", FO_ENTITIES),
    ("tmhc", "CustCustomerV3Entity", FO_ENTITIES),
]


def vary(issue, text):
    for prefix, literal, choices in DOC_VARY:
        if issue.startswith(prefix) and literal in text:
            text = text.replace(literal, rng.choice(choices))
    while "«G»" in text:
        text = text.replace("«G»", new_guid(), 1)
    return text


def doc_events(spec):
    evs = []
    for issue, text in DOC_PLAN.get(spec.path, []):
        text = vary(issue, text)
        if spec.fmt == "text" and not spec.component and text.startswith("["):
            # a layout without [Component]: a leading bracket would be read as the component
            text = "Error details: " + text
        body, *cont = text.split("\n")
        sess = pick_issue_session() if rng.random() < 0.78 else None
        act = pick_activity(sess) if rng.random() < 0.7 else None
        act = troubleshooting_activity(text, act)
        lvl = rng.choices(["ERROR", "FATAL", "CRITICAL"], [88, 6, 6])[0]
        evs.append(Ev(rand_ts(spec), "issue", lvl, CATEGORY_COMP[CATEGORY[issue]], body, cont, sess, act, issue, "doc"))
    return evs


def build_events(spec):
    evs = []
    for _ in range(spec.noise):
        lvl, comp, body, cont = noise_body()
        sess = rng.choice(SESSIONS) if rng.random() < spec.sess_rate else None
        act = None
        if rng.random() < 0.3:
            act = pick_activity(sess)
        evs.append(Ev(rand_ts(spec), "noise", lvl, comp, body, cont, sess, act))
    for issue, variants in spec.issues.items():
        for v in variants:
            body, cont = ISSUE_GEN[issue](v)
            embedded = "«S»" in body + "".join(cont)
            if embedded or rng.random() < 0.78:
                sess = pick_issue_session()
            else:
                sess = None
            act = None
            if "«A»" in body + "".join(cont) or rng.random() < 0.7:
                act = pick_activity(sess)
            lvl = rng.choices(["ERROR", "FATAL", "CRITICAL"], [88, 6, 6])[0]
            evs.append(Ev(rand_ts(spec), "issue", lvl, ISSUE_COMP[issue], body, cont, sess, act, issue, v))
    for i in range(spec.unknown + spec.unknown_ml):
        gen = rng.choice(UNKNOWN_GENS) if i < spec.unknown else UNKNOWN_MULTILINE[i % len(UNKNOWN_MULTILINE)]
        body, cont = gen()
        # a documented error: its sessions are issue sessions (the noise-only ones stay noise-only)
        sess = rng.choice(ISSUE_SESSIONS if doc_issue(gen) else SESSIONS) if rng.random() < 0.5 else None
        act = pick_activity(sess) if rng.random() < 0.4 else None
        act = troubleshooting_activity("\n".join([body] + cont), act)
        if spec.fmt == "text" and not spec.component and body.startswith("["):
            body = "Error details: " + body   # see doc_events
        evs.append(Ev(rand_ts(spec), "unknown", rng.choices(["ERROR", "FATAL", "CRITICAL"], [90, 5, 5])[0],
                      "LiveSync", body, cont, sess, act, doc_issue(gen), gen.__name__))
    for nm in spec.near:
        body, cont = NEAR[nm]()
        sess = rng.choice(ISSUE_SESSIONS if doc_issue(nm) else SESSIONS) if rng.random() < 0.5 else None
        evs.append(Ev(rand_ts(spec), "nearmiss", "ERROR", "DualWriteSync", body, cont, sess, None, doc_issue(nm), nm))
    for (local, issue, v, with_session) in spec.fixed:
        body, cont = ISSUE_GEN[issue](v)
        sess = pick_issue_session() if with_session else None
        act = pick_activity(sess) if with_session else None
        evs.append(Ev(local_to_ms(local), "issue", "ERROR", ISSUE_COMP[issue], body, cont, sess, act, issue, v))
    evs.extend(doc_events(spec))
    evs.sort(key=lambda e: e.ts)
    return evs


# ----------------------------------------------------------------- truth --
TRUTH = {
    "files": {},
    "issues": {i: {"occurrences": 0, "sessions": set(), "activities": set(), "without_session": 0,
                   "first": None, "last": None, "by_day": Counter(), "by_session": Counter(), "by_file": Counter()}
               for i in ISSUES},
    "sessions": set(), "activities": set(),
    "unknown": Counter(), "unknown_by_file": Counter(), "nearmiss": Counter(),
    "generic": defaultdict(Counter), "generic_unmatched_by_file": Counter(),
}
ERROR_LEVELS = {"error", "fatal", "critical"}


def account(path, ev, level, sess, act, message, context=""):
    """Called once per written record with what was actually written; `context` is the
    record's component and other field values (the file path is added here)."""
    f = TRUTH["files"][path]
    f["records"] += 1
    selfcheck(path, ev, level, sess, act, message)
    if sess:
        TRUTH["sessions"].add(sess)
    if act:
        TRUTH["activities"].add(act)
    issue = counted_issue(ev, "\n".join([path, context or "", message]))
    if ev.issue and ev.issue in GENERIC:
        TRUTH["generic"][ev.issue]["in_context" if issue else "out_of_context"] += 1
    if issue:
        t = TRUTH["issues"][issue]
        t["occurrences"] += 1
        if sess:
            t["sessions"].add(sess)
            t["by_session"][sess] += 1
        else:
            t["without_session"] += 1
        if act:
            t["activities"].add(act)
        t["first"] = ev.ts if t["first"] is None else min(t["first"], ev.ts)
        t["last"] = ev.ts if t["last"] is None else max(t["last"], ev.ts)
        t["by_day"][iso_truth(ev.ts)[:10]] += 1
        t["by_file"][path] += 1
    elif level is not None and level.lower() in ERROR_LEVELS:
        TRUTH["unknown"]["total"] += 1
        TRUTH["unknown_by_file"][path] += 1
        if ev.kind == "nearmiss":
            TRUTH["nearmiss"][ev.tag] += 1
        if ev.issue:
            TRUTH["generic_unmatched_by_file"][path] += 1


def field_values(rec):
    """Every field value of a JSON record, one per line (the job's component and other fields)."""
    return "\n".join(v if isinstance(v, str) else json.dumps(v) for v in rec.values() if v is not None)


def fill(text, sess_txt, act_txt):
    return text.replace("«S»", sess_txt or "").replace("«A»", act_txt or "")


# --------------------------------------------------------------- writers --
def open_out(path):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def write_bytes(path, data):
    full = open_out(path)
    if path.endswith(".gz"):
        with open(full, "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
                gz.write(data)
    else:
        with open(full, "wb") as fh:
            fh.write(data)


def level_word(spec, lvl):
    style = spec.level_style
    if style == "upper":
        return {"WARN": rng.choice(["WARN", "WARN", "WARNING"])}.get(lvl, lvl)
    if style == "title":   # F&O AOS style: Error / Warning / Info, sometimes lower case
        w = {"ERROR": "Error", "FATAL": "Fatal", "CRITICAL": "Critical", "WARN": "Warning", "INFO": "Info",
             "DEBUG": "Debug", "TRACE": "Trace"}[lvl]
        return w.lower() if rng.random() < 0.15 else w
    return lvl


TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}")


def write_text(spec, evs, banner=None):
    out = []
    if banner:
        out.extend(banner)
    TRUTH["files"][spec.path] = {"format": "text", "records": 0, "orphan_lines_before_first_record": len(banner or [])}
    for ev in evs:
        ts = fmt_ts(ev.ts, spec.tsform, spec.offset)
        lvl = level_word(spec, ev.level)
        s_txt = fid(ev.sess) if ev.sess else None
        a_txt = fid(ev.act) if ev.act else None
        body = fill(ev.body, s_txt, a_txt)
        cont = [fill(c, s_txt, a_txt) for c in ev.cont]
        embedded = "«S»" in ev.body + "".join(ev.cont)
        if not embedded:
            suffix = id_suffix(ev.sess, ev.act, key="t" + ev.kind[0])
            if suffix.startswith("\n"):
                # ids on their own continuation lines, after any stack trace
                cont = cont + [x for x in suffix.split("\n") if x]
            elif cont and ev.kind == "noise":
                body += suffix
            elif cont:
                cont[-1] += suffix
            else:
                body += suffix
        comp = f" [{ev.comp}]" if spec.component else ""
        first = f"{ts} {lvl}{comp} {body}"
        for c in cont:
            assert not TS_RE.match(c), c
        out.append(first)
        out.extend(cont)
        account(spec.path, ev, lvl, ev.sess, ev.act, "\n".join([body] + cont), ev.comp if spec.component else "")
    write_bytes(spec.path, ("\n".join(out) + "\n").encode("utf-8"))


def json_ts(spec, ms):
    return fmt_ts(ms, spec.tsform, spec.offset)


def place_ids(spec, ev, msg_parts_join):
    """Decide where session/activity go for a JSON/CSV record.
    Returns (field_sess_text, field_act_text, message, truth_sess, truth_act)."""
    embedded = "«S»" in ev.body + "".join(ev.cont)
    has_field = spec.sess_field is not None
    s_txt = fid(ev.sess) if ev.sess else None
    a_txt = fid(ev.act) if ev.act else None
    field_s = field_a = None
    body, cont = ev.body, list(ev.cont)
    if ev.special == "precedence":
        # the field wins over a different id in the message text
        other_s, other_a = ev.special_other
        body = fill(body, fid(other_s), fid(other_a))
        cont = [fill(c, fid(other_s), fid(other_a)) for c in cont]
        return s_txt, a_txt, msg_parts_join(body, cont), ev.sess, ev.act
    body = fill(body, s_txt, a_txt)
    cont = [fill(c, s_txt, a_txt) for c in cont]
    if has_field and (ev.sess or ev.act) and (embedded or rng.random() < 0.8):
        field_s, field_a = s_txt, a_txt
        if field_s and rng.random() < 0.5 and not embedded:
            # session in the field, activity only in the message text
            field_a = None
            if ev.act:
                sfx = id_suffix(None, ev.act, allow_newline=False, key="j")
                if cont:
                    cont[-1] += sfx
                else:
                    body += sfx
        return field_s, field_a, msg_parts_join(body, cont), ev.sess, ev.act
    if not embedded:
        suffix = id_suffix(ev.sess, ev.act, allow_newline=(spec.fmt == "csv"), key="j")
        if suffix.startswith("\n"):
            cont += [x for x in suffix.split("\n") if x]
        elif cont:
            cont[-1] += suffix
        else:
            body += suffix
    return ("" if has_field and rng.random() < 0.5 else None), None, msg_parts_join(body, cont), ev.sess, ev.act


def write_jsonl(spec, evs):
    TRUTH["files"][spec.path] = {"format": "jsonl", "records": 0}
    lines = []
    for ev in evs:
        fs, fa, msg, ts_sess, ts_act = place_ids(spec, ev, lambda b, c: "\n".join([b] + c))
        rec = spec.make_json(ev, msg, fs, fa)
        lines.append(json.dumps(rec, separators=(",", ":") if spec.compact else (", ", ": ")))
        lvl = rec.get(spec.level_key) if spec.level_key else None
        account(spec.path, ev, lvl, ts_sess, ts_act, msg, field_values(rec))
    write_bytes(spec.path, ("\n".join(lines) + "\n").encode("utf-8"))


def write_csv(spec, evs):
    TRUTH["files"][spec.path] = {"format": "csv", "records": 0}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=spec.eol, quoting=csv.QUOTE_MINIMAL)
    w.writerow(spec.header)
    for ev in evs:
        fs, fa, msg, ts_sess, ts_act = place_ids(spec, ev, lambda b, c: "\n".join([b] + c))
        row, lvl = spec.make_row(ev, msg, fs, fa)
        w.writerow(row)
        account(spec.path, ev, lvl, ts_sess, ts_act, msg, "\n".join(row))
    write_bytes(spec.path, buf.getvalue().encode("utf-8"))


def lvl_json(lvl, style):
    if style == "lower":
        return lvl.lower().replace("warn", "warning") if lvl == "WARN" else lvl.lower()
    if style == "title":
        return {"ERROR": "Error", "FATAL": "Fatal", "CRITICAL": "Critical", "WARN": "Warning", "INFO": "Info",
                "DEBUG": "Debug", "TRACE": "Trace"}[lvl]
    return lvl


# ------------------------------------------------------------ file plans --
def cyc(variants, n):
    return [variants[i % len(variants)] for i in range(n)]


ALL_NEAR = list(NEAR)
HOSTS = ["dw-weu-03", "dw-weu-04", "dw-neu-01"]

specs = []

# 1. service text log, ISO ...Z, with a banner (orphan lines) -- the only file with orphans
s1 = FileSpec("service/dualwrite-service-2026-11-18.log", "text", (0, 2), 1150, {
    "map-create-401": ["exact", "doesnt", "noperiod", "spaces", "exact", "lower"],
    "link-403-tokenexchange": ["lines", "lines-doesnt", "historical", "lines", "lines-mapadd", "lines"],
    "stop-map-403-forbidden": ["exact", "wrapped", "isnt", "exact"],
    "initial-sync-lookup-metadata": ["exact", "wrapped", "spaces"],
    "solution-version-mismatch": ["cg", "bare0", "bare1", "dualwrite"],
    "login-refused": ["exact", "spaces"],
}, unknown=10, unknown_ml=2, near=ALL_NEAR, tsform="isoZ")
s1.component = True
s1.level_style = "upper"
s1.banner = ["==== Microsoft Dynamics 365 dual-write runtime host ====",
             "Host: dw-weu-03   Build: 2.3.0.4417   Started: 2026-11-18T00:00:00Z",
             "----------------------------------------------------------------"]
specs.append(s1)

# 2. service text log (gz), "yyyy-MM-dd HH:mm:ss,SSS"
s2 = FileSpec("service/dualwrite-service-2026-11-20.log.gz", "text", (2, 4), 1350, {
    "map-create-401": ["exact", "doesnt", "upper", "exact", "spaces"],
    "link-403-tokenexchange": ["lines", "lines-doesnt", "historical", "lines", "lines"],
    "stop-map-403-forbidden": ["wrapped", "exact", "isnt", "exact"],
    "initial-sync-lookup-metadata": ["case", "exact", "wrapped", "noperiod"],
    "solution-version-mismatch": ["cg2026", "bare2", "bare3", "bare4", "lower"],
    "login-refused": ["noperiod", "exact"],
}, unknown=12, unknown_ml=3, near=ALL_NEAR, tsform="comma")
s2.component = True
s2.level_style = "upper"
specs.append(s2)

# 3. F&O AOS text log in local time +02:00 (no millis, no [component], Title-case levels)
s3 = FileSpec("aos/fno-aos-dualwrite.txt", "text", (0, 4), 560, {
    "module-unavailable": ["a", "b", "c", "a"],
    "login-refused": ["exact", "case", "exact", "noperiod"],
    "parallel-import-advisory": ["a", "b", "c", "a"],
    "map-create-401": ["exact", "doesnt"],
}, unknown=5, unknown_ml=1, tsform="offset", offset=120, fixed=[
    ("2026-11-21T01:30:00+02:00", "module-unavailable", "b", True),    # local 21st = UTC 2026-11-20T23:30Z
    ("2026-11-20T00:45:12+02:00", "parallel-import-advisory", "a", False),  # local 20th = UTC 2026-11-19T22:45:12Z
])
s3.component = False
s3.level_style = "title"
specs.append(s3)

# 4. integrator worker text log "yyyy-MM-dd HH:mm:ss.SSS" (UTC, no zone)
s4 = FileSpec("integrator/data-integrator-worker.log", "text", (0, 4), 680, {
    "initial-sync-lookup-metadata": ["exact", "wrapped", "exact", "case"],
    "solution-version-mismatch": ["cg", "bare1", "bare2", "cg2026", "dualwrite", "bare0"],
    "parallel-import-advisory": ["a", "b", "a"],
    "link-403-tokenexchange": ["lines", "historical"],
}, unknown=6, unknown_ml=3, tsform="dot")
s4.component = True
s4.level_style = "upper"
specs.append(s4)

# 5. on-prem gateway text log, local time -05:00
s5 = FileSpec("gateway/onprem-gateway-us-east.log", "text", (1, 4), 290, {
    "map-create-401": ["exact", "noperiod"],
    "stop-map-403-forbidden": ["exact", "isnt"],
    "login-refused": ["exact", "case"],
    "module-unavailable": ["c"],
}, unknown=3, near=["nm-404", "nm-sharepoint"], tsform="offset", offset=-300, fixed=[
    ("2026-11-19T21:45:10-05:00", "module-unavailable", "a", False),   # local 19th = UTC 2026-11-20T02:45:10Z
    ("2026-11-20T19:05:44-05:00", "map-create-401", "doesnt", True),     # local 20th = UTC 2026-11-21T00:05:44Z
])
s5.component = False
s5.level_style = "upper"
specs.append(s5)

# 6. live-sync service JSON lines: @timestamp / severity / msg / session_id / activity_id / component
s6 = FileSpec("livesync/livesync-2026-11-19.jsonl", "jsonl", (0, 2), 880, {
    "map-create-401": ["exact", "doesnt", "noperiod"],
    "stop-map-403-forbidden": ["exact", "isnt", "wrapped"],
    "link-403-tokenexchange": ["lines", "historical", "lines-doesnt", "lines"],
    "solution-version-mismatch": ["cg", "bare3", "lower"],
    "initial-sync-lookup-metadata": ["exact"],
}, unknown=8, near=ALL_NEAR, tsform="isoZ")
s6.sess_field, s6.act_field, s6.level_key, s6.compact = "session_id", "activity_id", "severity", True


def mk6(ev, msg, fs, fa):
    r = {"@timestamp": json_ts(s6, ev.ts), "severity": lvl_json(ev.level, "upper"), "component": ev.comp,
         "host": rng.choice(HOSTS), "msg": msg}
    if fs is not None:
        r["session_id"] = fs
    if fa is not None:
        r["activity_id"] = fa
    return r


s6.make_json = mk6
specs.append(s6)

# 7. live-sync JSON lines (gz): timestamp / level / message / sessionId / activityId / component
s7 = FileSpec("livesync/livesync-2026-11-21.jsonl.gz", "jsonl", (2, 4), 880, {
    "map-create-401": ["exact", "lower", "doesnt"],
    "stop-map-403-forbidden": ["exact", "isnt", "exact"],
    "link-403-tokenexchange": ["lines", "lines-mapadd", "historical"],
    "solution-version-mismatch": ["bare4", "cg", "dualwrite"],
    "initial-sync-lookup-metadata": ["spaces", "exact"],
    "login-refused": ["exact"],
}, unknown=8, tsform="isoZ")
s7.sess_field, s7.act_field, s7.level_key, s7.compact = "sessionId", "activityId", "level", False


def mk7(ev, msg, fs, fa):
    r = {"timestamp": json_ts(s7, ev.ts), "level": lvl_json(ev.level, "lower"), "message": msg,
         "component": ev.comp, "thread": rng.randint(1, 64)}
    if fs is not None:
        r["sessionId"] = fs
    if fa is not None:
        r["activityId"] = fa
    return r


s7.make_json = mk7
specs.append(s7)

# 8. Dataverse plug-in trace log export: createdon / typename / messageblock or exceptiondetails, NO level, NO session field
s8 = FileSpec("plugin-trace/plugintracelog-export.json", "jsonl", (0, 4), 290, {
    "solution-version-mismatch": ["cg", "bare0", "bare1", "bare2", "cg2026", "bare4", "dualwrite", "cg"],
    "initial-sync-lookup-metadata": ["exact", "wrapped", "exact", "case", "noperiod"],
}, tsform="isoZ", sess_rate=0.35)
s8.sess_field, s8.act_field, s8.level_key, s8.compact = None, None, None, True
PLUGINS = ["Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.PreCommmitPlugin",
           "Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.PostCommitPlugin"]


def mk8(ev, msg, fs, fa):
    typ = rng.choice(PLUGINS)
    r = {"plugintracelogid": new_guid(), "createdon": json_ts(s8, ev.ts), "typename": typ,
         "messagename": rng.choice(["Create", "Update", "msdyn_DualWriteStartMap"]),
         "primaryentity": rng.choice(MAPS)[1], "mode": rng.choice([0, 1]), "operationtype": 1, "depth": rng.randint(1, 3),
         "correlationid": new_guid(), "requestid": new_guid(), "performanceexecutionduration": rng.randint(1, 4000)}
    if ev.kind == "issue":
        # only ONE message field per record (no messageblock next to exceptiondetails)
        r["exceptiondetails"] = ("Unhandled exception: Microsoft.Xrm.Sdk.InvalidPluginExecutionException: " + msg +
                                 "\n   at Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.BasePlugin.Execute(IServiceProvider serviceProvider)")
    else:
        r["messageblock"] = msg
    return r


def plugin_noise():
    """Plug-in trace noise replaces the service-log vocabulary."""
    m, t = mp()
    return rng.choice([
        f"Entered {rng.choice(PLUGINS)}.Execute(), Correlation Id: {new_guid()}, Initiating User: {new_guid()}",
        f"DualWrite: resolved table map '{m} ({t})' for legal entity {rng.choice(['USMF', 'DEMF', 'GBSI'])}; {rng.randint(1, 30)} attribute(s) changed",
        f"DualWrite: outbound payload sent to finance and operations in {rng.randint(20, 3000)} ms",
        f"Exiting {rng.choice(PLUGINS)}.Execute(), Duration: {rng.randint(2, 5000)} ms",
    ])


s8.make_json = mk8
specs.append(s8)

# 9. App Insights style export (.ndjson): Time / Severity / Message / Session / RootActivityId / Component (mixed-case keys)
s9 = FileSpec("appinsights/dmf-telemetry.ndjson", "jsonl", (0, 4), 290, {
    "parallel-import-advisory": ["a", "b", "c", "b", "a"],
    "module-unavailable": ["a", "b", "c"],
}, unknown=4, tsform="isoZ")
s9.sess_field, s9.act_field, s9.level_key, s9.compact = "Session", "RootActivityId", "Severity", True


def mk9(ev, msg, fs, fa):
    r = {"Time": json_ts(s9, ev.ts), "Severity": lvl_json(ev.level, "title"), "Component": ev.comp,
         "EventName": {"parallel-import-advisory": "DMFImportJobEnd", "module-unavailable": "DualWritePageLoad"}.get(
             ev.issue, "DMFError" if ev.kind != "noise" else rng.choice(["Trace", "DMFExportJobEnd", "DMFImportJobStart"])),
         "Message": msg, "LegalEntity": rng.choice(["USMF", "DEMF", "GBSI"])}
    if fs is not None:
        r["Session"] = fs
    if fa is not None:
        r["RootActivityId"] = fa
    return r


s9.make_json = mk9
specs.append(s9)

# 10. F&O DualWriteErrorLog export CSV (CRLF, Excel style)
s10 = FileSpec("errorlog/DualWriteErrorLog-export.csv", "csv", (0, 4), 200, {
    "stop-map-403-forbidden": ["exact", "wrapped", "isnt", "exact"],
    "map-create-401": ["exact", "doesnt", "spaces"],
    "link-403-tokenexchange": ["lines", "lines-doesnt", "historical"],
    "initial-sync-lookup-metadata": ["wrapped", "exact", "spaces"],
    "solution-version-mismatch": ["cg", "bare1", "cg2026", "bare4"],
}, unknown=16, unknown_ml=3, near=ALL_NEAR, tsform="dot", sess_rate=0.5)
s10.sess_field, s10.eol = "Session ID", "\r\n"
s10.header = ["RecId", "Created On", "Level", "Project Name", "Table Map", "Session ID", "Activity ID", "Message"]
_recid = [5637150000]


def mk10(ev, msg, fs, fa):
    _recid[0] += rng.randint(1, 9)
    m, t = mp()
    lvl = {"ERROR": "Error", "FATAL": "Error", "CRITICAL": "Critical", "WARN": "Warning", "INFO": "Info",
           "DEBUG": "Debug", "TRACE": "Debug"}[ev.level]
    return [str(_recid[0]), fmt_ts(ev.ts, "dot"), lvl, f"DWM-{new_guid()}-{new_guid()}", f"{m} ({t})",
            fs or "", fa or "", msg], lvl


s10.make_row = mk10
specs.append(s10)

# 11. dual-write activity log CSV (LF): timestamp / severity / table_map / status / session_id / Root Activity ID / message
s11 = FileSpec("activitylog/dualwrite-activity-log.csv", "csv", (0, 4), 290, {
    "solution-version-mismatch": ["cg", "bare2", "dualwrite", "bare3", "cg"],
    "initial-sync-lookup-metadata": ["exact", "wrapped", "case"],
    "parallel-import-advisory": ["a", "c"],
}, unknown=4, unknown_ml=1, tsform="isoZ")
s11.sess_field, s11.eol = "session_id", "\n"
s11.header = ["timestamp", "severity", "table_map", "status", "session_id", "Root Activity ID", "message", "duration_ms"]


def mk11(ev, msg, fs, fa):
    m, t = mp()
    st = rng.choice(STATUSES) if ev.kind == "noise" else "Not running"
    return [fmt_ts(ev.ts, "isoZ"), ev.level, f"{m} ({t})", st, fs or "", fa or "", msg, str(rng.randint(5, 90000))], ev.level


s11.make_row = mk11
specs.append(s11)


# ---------------------------------------------------------- self checks --
GUID = r"\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?"
SESS_RE = re.compile(r"(?i)(?:session id:\s*|sessionid=|sessionid:\s*|session=|session_id=)" + GUID)
ACT_RE = re.compile(r"(?i)(?:root activity id:\s*|activityid=|activityid:\s*|activity=|activity_id=)" + GUID)
NEG = r"(?:does\s+not|doesn['\u2019]t)"
CHECK = {
    "map-create-401": r"response\s+status\s+code\s+" + NEG + r"\s+indicate\s+success:\s*401\s*\(unauthorized\)",
    "login-refused": r"login\.microsoftonline\.com\s+refused\s+to\s+connect",
    "link-403-tokenexchange": r"response\s+status\s+code\s+" + NEG + r"\s+indicate\s+success:\s*403\s*\(tokenexchange\)"
                              r"|error from token exchange: user \S+ (?:is not|isn't) allowed to access connection [\w-]+/dynamicsax/",
    "stop-map-403-forbidden": r"error\s+from\s+token\s+exchange:\s+user\s+(?:is\s+not|isn't)\s+allowed\s+to\s+access\s+connection\s+dynamicscrmonline/",
    "initial-sync-lookup-metadata": r"unable\s+to\s+complete\s+initial\s+data\s+sync\.\s+error:\s+dual-write\s+failure\s+-\s+plugin\s+registration\s+failed:\s+unable\s+to\s+build\s+dual-write\s+lookup\s+metadata",
    "solution-version-mismatch": r"dynamics\s+365\s+for\s+sales\s+solution\s+'[^']+'\s+has\s+version\s+mismatch\.\s+version:\s+'[^']*'\s+required\s+version:\s+'[^']*'",
    "module-unavailable": r"dual[- ]write\s+(?:page|tile).*data\s+integration\s+service\s+(?:is\s+)?(?:unavailable|down)",
    "parallel-import-advisory": r"import\b.*\bfrom\s+(?:dataverse|customer\s+engagement)\b.*\b(?:timed\s+out|slow)\b",
}
CHECK = {k: re.compile(v, re.I) for k, v in CHECK.items()}
USED_NOTATIONS = Counter()


def selfcheck(path, ev, level, sess, act, message):
    norm = " ".join(message.split())
    hits = {k for k, r in CHECK.items() if r.search(norm)}
    want = {ev.issue} & set(CHECK)   # the seed page's texts; the other pages' texts hit none of these
    assert hits == want, (path, ev.kind, ev.tag, hits, norm[:300])
    # ids in the text must be the record's own ids unless a field overrides them
    s_in = {g.lower() for g in SESS_RE.findall(message)}
    a_in = {g.lower() for g in ACT_RE.findall(message)}
    if ev.special != "precedence":
        assert s_in <= ({sess} if sess else set()), (path, s_in, sess, message)
        assert a_in <= ({act} if act else set()), (path, a_in, act, message)
    for n in ["Session ID:", "SessionId=", "sessionId:", "session=", "session_id=", "Root activity ID:",
              "Root Activity ID:", "activityId=", "ActivityId:", "activity=", "activity_id="]:
        if n in message:
            USED_NOTATIONS[n] += 1


# ------------------------------------------------- Windows tool shapes --
EXTRA_DESC = {}


def write_windows_samples():
    """Two small logs as Windows tools write them (issue 9): a UTF-16LE (with BOM, CRLF) log4net
    file, `date [thread] LEVEL logger - message`, and a Windows-1252 (CRLF) Serilog file,
    `2026-11-20T01:02:03.456+03:00 [ERR] message`, whose 2026 wording "doesn’t" has the
    apostrophe as the single byte 0x92. Uses rng after every other file is written, so their
    bytes do not change."""
    shapes = [
        ("windows/integrator-log4net-utf16le.log", "log4net", (1, 2),
         "Data integrator worker written by log4net on Windows: UTF-16LE with BOM, CRLF, "
         "`2026-11-19 10:00:00,123 [12] ERROR Microsoft.Dynamics.Integrator.<Component> - message` "
         "(level padded to 5, the logger is the component), 19 Nov."),
        ("windows/dualwrite-serilog-1252.log", "serilog", (2, 3),
         "Dual-write service written by Serilog's default template in Windows-1252, CRLF, local "
         "time `+03:00`, `[INF]`/`[DBG]`/`[VRB]`/`[WRN]`/`[ERR]`/`[FTL]`; the 2026 wording "
         "`doesn’t` with the apostrophe as byte 0x92, 20 Nov."),
    ]
    for path, style, days, desc in shapes:
        EXTRA_DESC[path] = desc
        TRUTH["files"][path] = {"format": "text", "records": 0}
        evs = []
        for _ in range(30):
            lvl, comp, body, cont = noise_body()
            evs.append(Ev(rng.randrange(days[0] * DAY, days[1] * DAY), "noise", lvl, comp, body, cont))
        for v in ["exact", "doesnt_2026", "noperiod"]:
            if v == "doesnt_2026":
                body = "Response status code doesn\u2019t indicate success: 401 (Unauthorized)."
            else:
                body, _ = iss_map401(v)
            sess = pick_issue_session()
            evs.append(Ev(rng.randrange(days[0] * DAY, days[1] * DAY), "issue", "ERROR",
                          ISSUE_COMP["map-create-401"], body, [], sess, None, "map-create-401", v))
        for gen, lvl in [(unk_isu02, "ERROR"), (unk_lsy05, "FATAL")]:
            body, cont = gen()
            evs.append(Ev(rng.randrange(days[0] * DAY, days[1] * DAY), "unknown", lvl, "LiveSync",
                          body, cont, None, None, doc_issue(gen), gen.__name__))
        evs.sort(key=lambda e: e.ts)
        lines = []
        for ev in evs:
            body = fill(ev.body, fid(ev.sess) if ev.sess else None, None)
            cont = [fill(c, None, None) for c in ev.cont]
            if ev.sess:
                cont = cont + ["Session ID: " + ev.sess]
            d = ms_to_dt(ev.ts)
            if style == "log4net":
                word = {"TRACE": "DEBUG"}.get(ev.level, ev.level)
                ts = d.strftime("%Y-%m-%d %H:%M:%S,") + f"{ev.ts % 1000:03d}"
                first = f"{ts} [{rng.randint(1, 40)}] {word:<5} Microsoft.Dynamics.Integrator.{ev.comp} - {body}"
            else:
                word = {"INFO": "INF", "DEBUG": "DBG", "TRACE": "VRB", "WARN": "WRN", "ERROR": "ERR",
                        "FATAL": "FTL", "CRITICAL": "FTL"}[ev.level]
                local = d + timedelta(hours=3)
                first = local.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ev.ts % 1000:03d}+03:00 [{word}] {body}"
            for c in cont:
                assert not TS_RE.match(c), c
            lines.append(first)
            lines.extend(cont)
            logger = "Microsoft.Dynamics.Integrator." + ev.comp if style == "log4net" else ""
            account(path, ev, ev.level, ev.sess, None, "\n".join([body] + cont), logger)
        text = "\r\n".join(lines) + "\r\n"
        data = b"\xff\xfe" + text.encode("utf-16-le") if style == "log4net" else text.encode("cp1252")
        write_bytes(path, data)


# ------------------------------------------------- structured exports (issue 9) --
def portal_ts(ms):
    """The Azure portal's CSV export form of a UTC time: 11/20/2026, 1:02:03.456 AM."""
    d = ms_to_dt(ms)
    hour = d.hour % 12 or 12
    return f"{d.month}/{d.day}/{d.year}, {hour}:{d.minute:02d}:{d.second:02d}.{d.microsecond // 1000:03d} " + (
        "AM" if d.hour < 12 else "PM")


def joined(*parts):
    """The job's message of a JSON/CSV record: every message field, in order, each text once."""
    out = []
    for p in parts:
        if p and p.strip() and p not in out:
            out.append(p)
    return "\n".join(out)


STRUCTURED_DESC = {
    "plugin-trace/plugintracelog-odata.json": "Dataverse Web API answer for `plugintracelogs`, one OData document `{\"@odata.context\", \"value\": [...]}` (pretty-printed): error rows have `exceptiondetails` and `messageblock` (both are message text), the session only as `Session Id:` in `messageblock`.",
    "appinsights/exceptions-export.csv": "Application Insights `exceptions` exported from the portal: `timestamp [UTC]` as `11/20/2026, 1:02:03.456 AM`, `outerMessage`, `innermostMessage`, `severityLevel` (3 = Error), `details` and `customDimensions` as JSON strings; sessions in `session_Id` or `customDimensions.sessionId`, placeholders (`N/A`, zero GUID) otherwise; some documented texts only in an inner exception of `details`.",
}


def write_structured_exports():
    """An OData plug-in trace response and an App Insights exceptions CSV export.

    Uses its own random generator (swapped in for the global one), so the other files and
    any other generator function stay byte-identical whatever runs before or after it.
    """
    global rng
    saved, rng = rng, random.Random(SEED + 9)
    try:
        write_plugin_trace_odata("plugin-trace/plugintracelog-odata.json")
        write_appinsights_exceptions_csv("appinsights/exceptions-export.csv")
    finally:
        rng = saved


def write_plugin_trace_odata(path):
    """The Dataverse Web API's answer for plugintracelogs: {"@odata.context", "value": [...]}."""
    TRUTH["files"][path] = {"format": "json", "records": 0}
    plan = [("initial-sync-lookup-metadata", "exact"), ("solution-version-mismatch", "cg"),
            ("initial-sync-lookup-metadata", "wrapped"), None, None, None, None, None]
    rows = []
    for k, item in enumerate(plan):
        ms = rng.randrange(1 * DAY, 3 * DAY) // 1000 * 1000
        row = {"@odata.etag": f'W/"{48211900 + k}"', "plugintracelogid": new_guid(),
               "typename": rng.choice(PLUGINS), "messagename": rng.choice(["Create", "Update"]),
               "primaryentity": rng.choice(MAPS)[1]}
        sess = None
        if item:
            issue, v = item
            body, cont = ISSUE_GEN[issue](v)
            sess = rng.choice(ISSUE_SESSIONS)
            details = ("Unhandled exception: Microsoft.Xrm.Sdk.InvalidPluginExecutionException: "
                       + "\n".join([body] + cont))
            block = f"DualWrite: sending payload to finance and operations\r\nSession Id: {fid(sess, 'lower')}"
            row["messageblock"], row["exceptiondetails"] = block, details
            message = joined(details, block)
            ev = Ev(ms, "issue", None, "Plugin", body, cont, sess, None, issue, v)
        else:
            body = plugin_noise()
            row["messageblock"], row["exceptiondetails"] = body, None
            message = body
            ev = Ev(ms, "noise", None, "Plugin", body, [], None, None)
        row.update({"createdon": iso_truth(ms)[:19] + "Z", "correlationid": new_guid(),
                    "requestid": new_guid(), "operationtype": 1, "depth": rng.randint(1, 3),
                    "mode": rng.choice([0, 1]), "performanceexecutionduration": rng.randint(1, 4000)})
        rows.append((ms, row, ev, sess, message))
    rows.sort(key=lambda r: r[0])
    doc = {"@odata.context": "https://contoso.crm4.dynamics.com/api/data/v9.2/$metadata#plugintracelogs",
           "value": [r[1] for r in rows]}
    for ms, row, ev, sess, message in rows:
        account(path, ev, None, sess, None, message, field_values(row))
    write_bytes(path, (json.dumps(doc, indent=2) + "\n").encode("utf-8"))


def write_appinsights_exceptions_csv(path):
    """Application Insights' exceptions table exported from the portal (all columns shown)."""
    TRUTH["files"][path] = {"format": "csv", "records": 0}
    header = ["timestamp [UTC]", "problemId", "type", "outerMessage", "innermostMessage",
              "severityLevel", "details", "itemType", "customDimensions", "operation_Name",
              "operation_Id", "session_Id", "user_Id", "cloud_RoleName"]
    # (issue, variant) or "noise" / "unknown"; where the session is: field, dims, none
    plan = [(("map-create-401", "exact"), "field"), (("map-create-401", "exact"), "dims"),
            (("login-refused", "exact"), "none"), (("stop-map-403-forbidden", "exact"), "dims"),
            ("noise", "field"), ("noise", "none"), ("unknown", "none"), ("noise", "dims")]
    rows = []
    for what, where in plan:
        ms = rng.randrange(0, 4 * DAY)
        act = new_guid() if where == "dims" else None
        if what in ("noise", "unknown"):
            if what == "noise":
                _, comp, body, cont = noise_body()
                level_num, level = 1, "Information"
                kind = "noise"
            else:
                gen = rng.choice(UNKNOWN_GENS)
                body, cont = gen()
                act = troubleshooting_activity("\n".join([body] + cont), act)
                level_num, level = 3, "Error"
                kind = "unknown"
            sess = rng.choice(SESSIONS) if where != "none" else None
            outer = "\n".join([body] + cont)
            details_msgs = [outer]
            ev = Ev(ms, kind, level, "LiveSync", body, cont, sess, act, doc_issue(gen) if what == "unknown" else None)
        else:
            issue, v = what
            body, cont = ISSUE_GEN[issue](v)
            sess = rng.choice(ISSUE_SESSIONS) if where != "none" else None
            level_num, level = 3, "Error"
            text = "\n".join([body] + cont)
            if where == "dims":
                # The documented text is only in the inner exception of the details.
                outer = "One or more errors occurred."
                details_msgs = [outer, text]
            else:
                outer = text
                details_msgs = [text]
            ev = Ev(ms, "issue", level, "LiveSync", body, cont, sess, act, issue, v)
        method = "Microsoft.Dynamics.Integrator.ProjectManagementService.MapClient.SendAsync"
        details = [{"outerId": str(i), "message": m, "type": "System.Exception", "id": str(100 + i),
                    "parsedStack": [{"assembly": "Microsoft.Dynamics.Integrator", "method": method,
                                     "level": 0, "line": 0}]} for i, m in enumerate(details_msgs)]
        innermost = details_msgs[-1]
        dims = {"Source": "Microsoft.Dynamics.Integrator", "entityName": rng.choice(MAPS)[1]}
        if where == "dims":
            dims["sessionId"], dims["activityId"] = sess, act
        session_field = sess if where == "field" else rng.choice(
            ["", "N/A", "00000000-0000-0000-0000-000000000000"])
        row = [portal_ts(ms), f"System.Exception at {method}", "System.Exception", outer, innermost,
               str(level_num), json.dumps(details, separators=(",", ":")), "exception",
               json.dumps(dims, separators=(",", ":")), "POST /api/DualWriteManagement/1.0/maps",
               "%032x" % rng.getrandbits(128), session_field, "00000000-0000-0000-0000-000000000000",
               "projectmanagementservice"]
        message = joined(outer, innermost, *details_msgs, "at " + method)
        rows.append((ms, row, ev, level, sess, act, message))
    rows.sort(key=lambda r: r[0])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for ms, row, ev, level, sess, act, message in rows:
        w.writerow(row)
        account(path, ev, level, sess, act, message, "\n".join(row))
    write_bytes(path, buf.getvalue().encode("utf-8"))


# ------------------------------------------- other products (issue 10) --
# Generic texts that other products write too, in files whose path, components and fields name
# no dual-write: no catalog issue there, at ERROR level they are unmatched errors.
OTHER_APP_GENERIC = [
    ("map-create-401", "Response status code does not indicate success: 401 (Unauthorized)."),
    ("map-create-401", "System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized)."),
    ("dual-write-page-404", "Response status code does not indicate success: 404 (Not Found)."),
    ("login-refused", "login.microsoftonline.com refused to connect."),
    ("connection-set-duplicate-key", "System.ArgumentException: An item with the same key has already been added. Key: OrderId"),
    ("ui-session-storage-blocked", "Uncaught DOMException: Failed to read the 'sessionStorage' property from 'Window': Access is denied for this document."),
    ("initial-sync-float-zero", "An error occurred while validating input parameters: Microsoft.OData.ODataException: Cannot convert the literal '000000' to the expected type 'Edm.Decimal'."),
    ("dmf-export-file-upload-error", "Error while uploading a file during export"),
    ("dipv1030-data-type-mismatch", "Data type mismatch"),
    ("dipv1029-duplicate-value-map", "Duplicate value map"),
]
OTHER_APP_DESC = {
    "other-apps/azure-functions-host.log": "An Azure Functions host of another application (no dual-write in path, components or messages), `2026-11-19T10:00:00.123Z LEVEL [Component] msg`: generic texts of the catalog (.NET 401/404 status lines, `An item with the same key has already been added`, ...) at ERROR level, which are unmatched errors here.",
    "webapp/appservice.jsonl": "JSON Lines of another web app on App Service (`time`, `level`, `logger`, `message`, `host`; no dual-write anywhere): `login.microsoftonline.com refused to connect.`, the 401 status line, the `sessionStorage` DOMException: unmatched errors.",
}


def other_app_noise():
    fn = rng.choice(["SyncOrders", "SendInvoices", "RefreshPrices"])
    return rng.choice([
        ("INFO", "Host.Executor", f"Executing 'Functions.{fn}' (Reason='Timer fired at 2026-11-19', Id={new_guid()})"),
        ("INFO", "Host.Executor", f"Executed 'Functions.{fn}' (Succeeded, Id={new_guid()}, Duration={rng.randint(5, 9000)}ms)"),
        ("DEBUG", f"Function.{fn}", f"GET https://api.contoso-shop.example/v2/orders?page={rng.randint(1, 90)} -> 200"),
        ("WARN", f"Function.{fn}", f"Retry {rng.randint(1, 3)} of 3 after a transient HTTP 503 from https://api.contoso-shop.example"),
    ])


def write_other_apps():
    """Two files of other products; own random generator, so the other files keep their bytes."""
    global rng
    saved, rng = rng, random.Random(SEED + 10)
    try:
        for path, fmt in [("other-apps/azure-functions-host.log", "text"), ("webapp/appservice.jsonl", "jsonl")]:
            TRUTH["files"][path] = {"format": fmt, "records": 0}
            evs = []
            for _ in range(40):
                lvl, comp, body = other_app_noise()
                evs.append(Ev(rng.randrange(0, 4 * DAY), "noise", lvl, comp, body, []))
            for issue, text in OTHER_APP_GENERIC if fmt == "text" else [g for g in OTHER_APP_GENERIC if g[0] in (
                    "map-create-401", "login-refused", "ui-session-storage-blocked")]:
                comp = "Function.SendInvoices" if fmt == "text" else "Contoso.Portal.SignInController"
                evs.append(Ev(rng.randrange(0, 4 * DAY), "issue", "ERROR", comp, text, [], None, None, issue, "other-app"))
            evs.sort(key=lambda e: e.ts)
            out = []
            for ev in evs:
                if fmt == "text":
                    out.append(f"{fmt_ts(ev.ts, 'isoZ')} {ev.level} [{ev.comp}] {ev.body}")
                    account(path, ev, ev.level, None, None, ev.body, ev.comp)
                else:
                    rec = {"time": fmt_ts(ev.ts, "isoZ"), "level": ev.level.title(), "logger": ev.comp,
                           "message": ev.body, "host": "contoso-portal-wa-01"}
                    out.append(json.dumps(rec, separators=(",", ":")))
                    account(path, ev, rec["level"], None, None, ev.body, field_values(rec))
            write_bytes(path, ("\n".join(out) + "\n").encode("utf-8"))
    finally:
        rng = saved


# ------------------------------------------------------------------ main --
def main():
    check_attribution()
    for spec in specs:
        if spec.path.startswith("plugin-trace/"):
            saved = noise_body
            globals()["noise_body"] = lambda: (rng.choice(["INFO", "INFO", "DEBUG"]), "Plugin", plugin_noise(), [])
            evs = build_events(spec)
            globals()["noise_body"] = saved
        else:
            evs = build_events(spec)
        if spec.path == "livesync/livesync-2026-11-19.jsonl":
            # one record whose session/activity FIELDS differ from the ids in its message: the fields win
            ev = next(e for e in evs if e.issue == "link-403-tokenexchange" and e.tag == "lines")
            ev.special = "precedence"
            other = next(s for s in ISSUE_SESSIONS if s != ev.sess)
            ev.special_other = (other, new_guid())
        if spec.fmt == "text":
            write_text(spec, evs, getattr(spec, "banner", None))
        elif spec.fmt == "jsonl":
            write_jsonl(spec, evs)
        else:
            write_csv(spec, evs)
    write_structured_exports()
    # every notation used, every session used
    for n in ["Session ID:", "SessionId=", "sessionId:", "session=", "session_id=", "Root activity ID:",
              "Root Activity ID:", "activityId=", "ActivityId:", "activity=", "activity_id="]:
        assert USED_NOTATIONS[n] > 0, n
    assert TRUTH["sessions"] == set(SESSIONS), len(TRUTH["sessions"])
    for s in NOISE_ONLY_SESSIONS:
        assert all(s not in TRUTH["issues"][i]["sessions"] for i in ISSUES)
    for nm in NEAR:
        assert nm in NEAR_DOC or TRUTH["nearmiss"][nm] >= 2, nm
    write_windows_samples()
    write_other_apps()
    write_truth()


def write_truth():
    issues = {}
    for i in ISSUES:
        t = TRUTH["issues"][i]
        issues[i] = {
            "occurrences": t["occurrences"],
            "distinct_sessions": len(t["sessions"]),
            "distinct_activities": len(t["activities"]),
            "records_without_session": t["without_session"],
            "first_timestamp": iso_truth(t["first"]) if t["first"] is not None else "",
            "last_timestamp": iso_truth(t["last"]) if t["last"] is not None else "",
            "by_utc_day": dict(sorted(t["by_day"].items())),
            "by_session": dict(sorted(t["by_session"].items())),
            "by_file": dict(sorted(t["by_file"].items())),
        }
        if i in GENERIC:
            # records written with this generic entry's text: counted (in dual-write context) or not
            issues[i]["generic"] = True
            issues[i]["generic_text_in_context"] = TRUTH["generic"][i]["in_context"]
            issues[i]["generic_text_out_of_context"] = TRUTH["generic"][i]["out_of_context"]
    files = {p: TRUTH["files"][p] for p in sorted(TRUTH["files"])}
    for p in files:
        files[p]["bytes_on_disk"] = os.path.getsize(os.path.join(HERE, p))
    total_records = sum(f["records"] for f in files.values())
    by_day = Counter()
    for i in ISSUES:
        by_day.update(TRUTH["issues"][i]["by_day"])
    truth = {
        "seed": SEED,
        "notes": "Counts by construction. Timestamps UTC. Ids lower-case, no braces.",
        "total_records": total_records,
        "distinct_sessions_total": len(TRUTH["sessions"]),
        "distinct_activities_total": len(TRUTH["activities"]),
        "matched_records_total": sum(v["occurrences"] for v in issues.values()),
        "matched_records_by_utc_day": dict(sorted(by_day.items())),
        "unmatched_error_level_records_total": TRUTH["unknown"]["total"],
        "unmatched_error_level_records_by_file": dict(sorted(TRUTH["unknown_by_file"].items())),
        "near_miss_records": dict(sorted(TRUTH["nearmiss"].items())),
        "files": files,
        "issues": issues,
        "sessions": sorted(TRUTH["sessions"]),
        "noise_only_sessions": sorted(NOISE_ONLY_SESSIONS),
    }
    with open(os.path.join(TRUTH_DIR, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, indent=2)
        fh.write("\n")
    md = render_md(truth)
    with open(os.path.join(TRUTH_DIR, "TRUTH.md"), "w", encoding="utf-8") as fh:
        fh.write(md)
    print(summary(truth))


def summary(t):
    lines = [f"total records: {t['total_records']}   distinct sessions (all records): {t['distinct_sessions_total']}   "
             f"matched records: {t['matched_records_total']}   unmatched ERROR/FATAL/CRITICAL records: {t['unmatched_error_level_records_total']}",
             "",
             f"{'issue':30} {'occ':>4} {'sess':>5} {'acts':>5} {'nosess':>6}  first_timestamp           last_timestamp"]
    for i, v in t["issues"].items():
        lines.append(f"{i:30} {v['occurrences']:4} {v['distinct_sessions']:5} {v['distinct_activities']:5} "
                     f"{v['records_without_session']:6}  {v['first_timestamp']}  {v['last_timestamp']}")
    lines.append("")
    lines.append(f"{'file':48} {'format':6} {'records':>7} {'bytes':>8}")
    for p, f in t["files"].items():
        lines.append(f"{p:48} {f['format']:6} {f['records']:7} {f['bytes_on_disk']:8}")
    return "\n".join(lines)


def render_md(t):
    days = sorted({d for v in t["issues"].values() for d in v["by_utc_day"]})
    out = [
        "# dwlogs sample logs: description and ground truth",
        "",
        "Generated by `generate_samples.py` (Python 3, standard library, seed %d). Re-running it rewrites the same bytes." % SEED,
        "All counts below are computed **by construction** while the records are written (not by re-parsing).",
        "`truth.json` holds the same numbers plus per-day, per-session and per-file breakdowns for every issue.",
        "",
        "## Definitions",
        "",
        "* Record = one log entry: a text record (a line starting with a timestamp plus its continuation lines), one JSON line, or one CSV row (quoted fields may span lines; header excluded).",
        "* Session / activity of a JSON or CSV record = the session / activity field when present and non-empty, else the id written in the message text. Text records: ids from the message text (including continuation lines).",
        "* Ids are reported lower-case without braces; in the files they appear lower-case, upper-case and in `{...}`.",
        "* Timestamps are UTC, `yyyy-MM-ddTHH:mm:ss.SSSZ`. Days are UTC days.",
        "* All catalog matches are written at ERROR, FATAL or CRITICAL level (any case), except in the plug-in trace export, which has no level field at all.",
        "* \"Unmatched error-level records\" = records with level ERROR/FATAL/CRITICAL (any case) that count for no catalog entry: near-misses, and generic texts out of dual-write context.",
        "* Catalog entries: the `issue_id:` lines of `conf/signatures.yaml` (read YAML-free, with the `generic: true`, `category:` and `references:` lines); every entry has a row below, zero when absent.",
        "* Which entry a written message is: the entry the reference says it is (the seed page's templates, the other pages' texts from `src/test/resources/match/messages.yaml`, the formerly unknown texts by their reference id, each checked against the entry's `references:`). A message that contains another documented text (e.g. VER-01's `Unable to write data to entity`) is counted once, as the more specific entry it is written for.",
        "* Generic entries (`generic: true`) count a record only in dual-write context: its message, component, other field values or file path match `" + DW_CONTEXT.pattern + "` (the rule of `conf/dwlogs.yaml` `context.dual_write`, written again in the generator). Out of context the record is no catalog issue (at ERROR level an unmatched error).",
        "",
        "## Totals",
        "",
        f"* Total records: **{t['total_records']}**",
        f"* Distinct sessions across all records of all levels: **{t['distinct_sessions_total']}** (10 of them occur only in noise records; see `noise_only_sessions` in truth.json)",
        f"* Distinct activities across all records: {t['distinct_activities_total']}",
        f"* Matched (catalog) records: **{t['matched_records_total']}**",
        f"* Unmatched error-level records: **{t['unmatched_error_level_records_total']}** (of which near-misses: {sum(t['near_miss_records'].values())})",
        "",
        "## Per issue",
        "",
        "| issue | category | occurrences | distinct sessions | distinct activities | records without session | first (UTC) | last (UTC) |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    for i, v in t["issues"].items():
        out.append(f"| `{i}` | {CATEGORY.get(i, '')} | {v['occurrences']} | {v['distinct_sessions']} | {v['distinct_activities']} | "
                   f"{v['records_without_session']} | {v['first_timestamp']} | {v['last_timestamp']} |")
    out += ["", "### Generic entries in and out of dual-write context", "",
            "Records written with a generic entry's text: counted for the entry (in context) or not (out of context).", "",
            "| issue | in context (counted) | out of context (not counted) |", "|---|---:|---:|"]
    for i, v in t["issues"].items():
        if v.get("generic"):
            out.append(f"| `{i}` | {v['generic_text_in_context']} | {v['generic_text_out_of_context']} |")
    out += ["", "### Occurrences per issue and UTC day", "",
            "| issue | " + " | ".join(days) + " |", "|---|" + "---:|" * len(days)]
    for i, v in t["issues"].items():
        out.append(f"| `{i}` | " + " | ".join(str(v["by_utc_day"].get(d, 0)) for d in days) + " |")
    out.append("| **all** | " + " | ".join(str(t["matched_records_by_utc_day"].get(d, 0)) for d in days) + " |")
    out += ["", "## Files", "",
            "| file | format | records | unmatched error-level | description |", "|---|---|---:|---:|---|"]
    desc = {
        "service/dualwrite-service-2026-11-18.log": "Dual-write runtime service log, `2026-11-18T00:00:01.234Z LEVEL [Component] msg`, 18-19 Nov. Starts with 3 banner (orphan) lines; the only file with orphans.",
        "service/dualwrite-service-2026-11-20.log.gz": "Same service, gzip, `2026-11-20 01:02:03,456 LEVEL [Component] msg`, 20-21 Nov.",
        "aos/fno-aos-dualwrite.txt": "F&O AOS log in local time `+02:00` without millis, Title-case levels (some lower-case), no component. Contains `2026-11-21T01:30:00+02:00` (UTC day 20th) and `2026-11-20T00:45:12+02:00` (UTC day 19th).",
        "integrator/data-integrator-worker.log": "Data integrator worker, `2026-11-19 10:00:00.123` (no zone = UTC). Multi-line initial-sync reports and MSG=[..] STACKTRACE=[..] envelopes.",
        "gateway/onprem-gateway-us-east.log": "Gateway log in local time `-05:00`, no component. Contains `2026-11-19T21:45:10-05:00` (UTC day 20th) and `2026-11-20T19:05:44-05:00` (UTC day 21st).",
        "livesync/livesync-2026-11-19.jsonl": "JSON Lines: `@timestamp`, `severity`, `msg`, `session_id`, `activity_id`, `component`. Session sometimes only in `msg`, sometimes `\"session_id\":\"\"` with the id in `msg`. One record has field ids that differ from the ids in its message (fields win).",
        "livesync/livesync-2026-11-21.jsonl.gz": "JSON Lines (gzip): `timestamp`, `level` (lower-case), `message`, `sessionId`, `activityId`, `component`.",
        "plugin-trace/plugintracelog-export.json": "Dataverse PluginTraceLog export as JSON Lines: `createdon`, `typename`, `messageblock` (normal rows) or `exceptiondetails` (error rows; never both in one row); no level and no session field, ids only in the message text.",
        "appinsights/dmf-telemetry.ndjson": "App-Insights-like export with mixed-case keys `Time`, `Severity`, `Message`, `Session`, `RootActivityId`, `Component`.",
        "errorlog/DualWriteErrorLog-export.csv": "DualWriteErrorLog table export, CRLF, header `RecId,Created On,Level,Project Name,Table Map,Session ID,Activity ID,Message`. Multi-line quoted messages, `\"\"` escaping.",
        "activitylog/dualwrite-activity-log.csv": "Activity log export, LF, header `timestamp,severity,table_map,status,session_id,Root Activity ID,message,duration_ms`.",
    }
    desc.update(EXTRA_DESC)
    desc.update(OTHER_APP_DESC)
    for p, f in t["files"].items():
        out.append(f"| `{p}` | {f['format']} | {f['records']} | {t['unmatched_error_level_records_by_file'].get(p, 0)} | {desc.get(p) or STRUCTURED_DESC[p]} |")
    out += ["", "## Exact wording used for the two inferred issues", "",
            "`module-unavailable` (the only three templates):", "",
            "* `Unable to load the Dual-write page: the data integration service is unavailable (503 Service Unavailable).`",
            "* `Selecting the Dual Write tile in the Data management workspace did not open the Dual-write page: data integration service is down.`",
            "* `Dual-write page could not be loaded from the Data management workspace; the data integration service is unavailable (HTTP 503, Retry-After 120).`",
            "",
            "`parallel-import-advisory` (entity, seconds and counts vary):", "",
            "* `DMF import of entity 'Customers V3' from Dataverse timed out after 3600 seconds; 250000 records pending.`",
            "* `DMF import of entity 'Vendors V2' from customer engagement into finance and operations timed out after 7200 seconds; 182344 records pending.`",
            "* `Import from Dataverse to finance and operations is slow: entity 'Vendors V2' imported 12000 of 480000 records in 3600 seconds (single-threaded); enable parallel processing (Import threshold record count, Import task count).`",
            "",
            "No noise record mentions the data integration service, and no noise import line says \"timed out\" or \"slow\".",
            "",
            "## Variants and traps that occur",
            "",
            "* `does not` / `doesn't`, `is not` / `isn't`, `Dual write` / `dual-write`, `Root activity ID` / `Root Activity ID`, ` : ` / `:` before `Dual write failure`, with / without final period, lower / UPPER case, doubled spaces.",
            "* Messages broken over lines: the stop-map 403 text wrapped exactly like the docs page (text logs, JSON `\\n`, multi-line CSV field) and the initial-sync message split after `plugin registration failed:`.",
            "* `link-403-tokenexchange`: status line followed by `Session ID:` and `Root activity ID:` lines, and the 2020 `.../dynamicsax/...` token-exchange example with ids on the same line. Every `link-403-tokenexchange` record has a session.",
            "* JSON-escaped quotes (stop-map text in JSON), CSV `\"\"` escaping and quoted fields spanning lines.",
            "* Session notations used: `Session ID: `, `SessionId=`, `sessionId: `, `session=`, `session_id=`; activity: `Root activity ID: `, `Root Activity ID: `, `activityId=`, `ActivityId: `, `activity=`, `activity_id=`. Ids in braces and upper-case occur in text, fields and messages.",
            "* Near-misses at ERROR level that count for no entry (%s): `403 (Forbidden)`, `Processed 401 records ...`, `contoso.sharepoint.com refused to connect.`, `User is allowed to access connection dynamicscrmonline/<guid>`, `Unable to complete initial data sync. Error: Duplicate key ...`, `Package version mismatch detected ...`, `DIPV1009: ...` / `Error code DIPV1013 - ...` (codes the error-code page does not list). The seed page's near-miss `404 (Not Found)` is ISU-03 (`dual-write-page-404`, generic): counted in dual-write context, unmatched out of it." % ", ".join(f"{k} {v}" for k, v in t["near_miss_records"].items()),
            "* Texts of the other pages (formerly unknown errors, now their entries): ISU-01, ISU-02, ISU-04, ISU-05 (MSG=/STACKTRACE=), ISY-01 (multi-line report and short form), ISY-02, LSY-01 (with literal `\\\"`), LSY-02, LSY-05, LSY-06, LSY-07, SOL-01, GAB-03, UPG-01, the message-size limit and the Project Operations expense error; plus 2-5 occurrences of every other entry (DIPV codes as `[DIPV1002]`, `DIPV1002:`, `Error code DIPV1002` and beside other text; table map health checks; DWDVEV/DWFOEV; DMF; Project Operations) spread over the files of their category.",
            "* `Activity ID for troubleshooting {GUID}` (Project Operations runtime errors) is the record's activity (conf/dwlogs.yaml reads it); such records carry no other activity id.",
            "* In the layouts without `[Component]` (AOS, gateway) a message that begins with `[` is written after `Error details: `, since a leading bracket there is read as the component.",
            "* Other products' files (`other-apps/`, `webapp/`): generic texts (401/404 status lines, `refused to connect`, `An item with the same key ...`, `sessionStorage` DOMException, ...) with no dual-write in path, component or fields: unmatched errors.",
            "* UPG-01 continuation lines start with `11/19/2026 15:18:20:`; that is not a record-start timestamp form, so they belong to the preceding record.",
            "* WARN records carry multi-line .NET stack traces (`   at ...`, `--- End of stack trace ...`).",
            "",
            ]
    return "\n".join(out)


if __name__ == "__main__":
    main()
