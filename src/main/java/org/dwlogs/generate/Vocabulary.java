package org.dwlogs.generate;

import java.util.SplittableRandom;

/**
 * The everyday content of dual-write logs: sync batches, health probes, HTTP calls, metadata
 * caches, warnings with .NET stack traces, and errors that no catalog entry describes. Every
 * text here is checked by the tests to match no catalog entry and to carry no ID notation.
 */
final class Vocabulary {
  static final String[][] MAPS = {
      {"Customers V3", "accounts"}, {"Vendors V2", "msdyn_vendors"},
      {"Customer groups", "msdyn_customergroups"}, {"Released products V2", "msdyn_sharedproductdetails"},
      {"Sales order headers V2", "salesorders"}, {"Legal entities", "cdm_companies"},
      {"Currencies", "transactioncurrencies"}, {"Units", "uoms"}, {"CDS Contacts V2", "contacts"},
      {"Vendor groups", "msdyn_vendorgroups"}, {"Payment terms", "msdyn_paymentterms"},
      {"Warehouses", "msdyn_warehouses"}, {"Sites", "msdyn_operationalsites"},
      {"Sales invoice headers V2", "invoices"}, {"Financial dimensions", "msdyn_financialdimensions"}};
  static final String[] FO_ENTITIES = {"CustCustomerV3Entity", "VendVendorV2Entity",
      "CustCustomerGroupEntity", "UnitOfMeasureEntity", "EcoResReleasedProductV2Entity",
      "SalesOrderHeaderV2Entity", "DirPartyPostalAddressLocationCDSEntity", "InventWarehouseEntity",
      "CustInvoiceJourHeaderEntity", "DimensionAttributeEntity"};
  static final String[] FO_TABLES = {"CustTable", "VendTable", "CustGroup", "UnitOfMeasure",
      "InventTable", "SalesTable", "LogisticsPostalAddress", "InventLocation", "CustInvoiceJour",
      "DimensionAttribute"};
  static final String[] ORGS = {"contoso-prod.crm4.dynamics.com", "contoso-uat.crm4.dynamics.com",
      "fabrikam-test.crm.dynamics.com", "northwind.crm11.dynamics.com"};
  static final String[] FO_HOSTS = {"contoso-prod.operations.dynamics.com",
      "contoso-uat.sandbox.operations.dynamics.com", "fabrikam-test.sandbox.operations.dynamics.com"};
  static final String[] STATUSES = {"Not running", "Initializing", "Running", "Paused", "Resuming"};
  static final String[] COMPONENTS = {"LiveSync", "InitialSync", "MapManager", "HealthMonitor",
      "TokenService", "HttpClient", "BusinessEvents", "Metadata", "DMF", "DualWriteAdmin",
      "DualWriteSync", "Alerts", "OutboundQueue", "Plugin"};
  /**
   * Components of near misses: a near miss must stay one, and a component such as DMF or
   * DualWriteSync writes into the record the very context words an entry asks for ("[DMF]
   * Import of entity Products timed out" is a data management import that timed out).
   */
  static final String[] NEUTRAL_COMPONENTS = {"HealthMonitor", "Alerts", "OutboundQueue"};
  static final String[] HTTP_VERBS = {"GET", "GET", "GET", "POST", "PATCH"};
  static final String[] FIELDS = {"accountnumber", "msdyn_creditlimit", "name", "msdyn_paymentterm",
      "address1_postalcode", "msdyn_vendorgroupid", "emailaddress1"};

  static final String[] STACK_HTTP = {
      "System.Net.Http.HttpRequestException: An error occurred while sending the request. ---> System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.",
      "   at System.Net.Http.HttpConnection.SendAsyncCore(HttpRequestMessage request, CancellationToken cancellationToken)",
      "   at Microsoft.Dynamics.Integrator.QueryGenerator.AxClient.<ExportAxPackage>d__16.MoveNext()",
      "--- End of stack trace from previous location where exception was thrown ---",
      "   at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()",
      "   at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)",
      "   at Microsoft.D365.ServicePlatform.Context.ServiceContext.Activity.<ExecuteAsync>d__11`2.MoveNext()"};
  static final String[] STACK_SQL = {
      "System.Data.SqlClient.SqlException (0x80131904): Transaction (Process ID 87) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.",
      "   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
      "   at Microsoft.Dynamics.Ax.Xpp.DualWrite.DualWriteOutboundProcessor.processBatch(Int64 batchId)",
      "   at Microsoft.Dynamics.Ax.Xpp.DualWrite.DualWriteOutboundProcessor.run()"};
  static final String[] STACK_CANCELED = {
      "System.Threading.Tasks.TaskCanceledException: A task was canceled.",
      "   at Microsoft.Dynamics.Integrator.DualWriteRuntime.LiveSync.RecordWriter.WriteAsync(RecordBatch batch)",
      "   at Microsoft.Dynamics.Integrator.DualWriteRuntime.LiveSync.SyncWorker.<ProcessAsync>d__7.MoveNext()"};
  static final String[] STACK_ENSURE = {
      "   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()",
      "   at Microsoft.Dynamics.Integrator.DualWrite.Client.DataverseClient.<SendAsync>d__21.MoveNext()",
      "   at Microsoft.Dynamics.Integrator.DualWrite.Services.MapService.<ExecuteAsync>d__9.MoveNext()"};
  static final String[][] STACKS = {STACK_HTTP, STACK_SQL, STACK_CANCELED};

  private Vocabulary() {}

  static <T> T pick(SplittableRandom rng, T[] values) {
    return values[rng.nextInt(values.length)];
  }

  private static void map(StringBuilder sb, String[] m) {
    sb.append(m[0]).append(" (").append(m[1]).append(')');
  }

  /** An INFO message; returns its component. */
  static String info(SplittableRandom rng, StringBuilder sb) {
    String[] m = pick(rng, MAPS);
    switch (rng.nextInt(10)) {
      case 0, 1 -> {
        sb.append("Live sync batch ").append(1000 + rng.nextInt(900_000)).append(" for table map '");
        map(sb, m);
        sb.append("' committed: ").append(1 + rng.nextInt(500)).append(" records in ")
            .append(20 + rng.nextInt(4000)).append(" ms");
        return "LiveSync";
      }
      case 2 -> {
        int a = rng.nextInt(400);
        int b = rng.nextInt(400);
        sb.append("Executed leg: From AX ").append(m[0]).append(" to CRM ").append(m[1])
            .append(" with exported records count: ").append(a + b)
            .append(", ImportRecordsErrorCount: 0, ImportRecordsInsertedCount: ").append(a)
            .append(" and ImportRecordsUpdatedCount: ").append(b);
        return "InitialSync";
      }
      case 3 -> {
        int i = rng.nextInt(STATUSES.length - 1);
        sb.append("Table map '");
        map(sb, m);
        sb.append("' status changed from ").append(STATUSES[i]).append(" to ").append(STATUSES[i + 1]);
        return "MapManager";
      }
      case 4 -> {
        sb.append("Health probe /api/health returned 200 OK in ").append(3 + rng.nextInt(250)).append(" ms");
        return "HealthMonitor";
      }
      case 5 -> {
        sb.append("Token acquired for resource https://").append(pick(rng, ORGS)).append(" (expires in ")
            .append(3000 + rng.nextInt(600)).append(" s)");
        return "TokenService";
      }
      case 6 -> {
        sb.append("Queued records for '");
        map(sb, m);
        sb.append("': Total queued record count ").append(rng.nextInt(40));
        return "OutboundQueue";
      }
      case 7 -> {
        sb.append("Initial sync execution ");
        Ids.appendRandom(sb, rng);
        sb.append(" for '");
        map(sb, m);
        sb.append("' progress ").append(1 + rng.nextInt(99)).append('%');
        return "InitialSync";
      }
      case 8 -> {
        sb.append("DMF export job DW-").append(m[1]).append('-').append(100 + rng.nextInt(900))
            .append(" finished with status Succeeded; ").append(1 + rng.nextInt(90_000))
            .append(" records exported");
        return "DMF";
      }
      default -> {
        sb.append("Catch-up errors retry for '");
        map(sb, m);
        sb.append("': Retry status Completed, ").append(1 + rng.nextInt(30)).append(" records");
        return "DualWriteAdmin";
      }
    }
  }

  /** A DEBUG message; returns its component. */
  static String debug(SplittableRandom rng, StringBuilder sb) {
    String[] m = pick(rng, MAPS);
    switch (rng.nextInt(5)) {
      case 0, 1 -> {
        sb.append("HTTP ").append(pick(rng, HTTP_VERBS)).append(" https://").append(pick(rng, ORGS))
            .append("/api/data/v9.2/").append(m[1]).append("?$top=500 -> 200 (")
            .append(8 + rng.nextInt(900)).append(" ms) requestId=");
        Ids.appendRandom(sb, rng);
        return "HttpClient";
      }
      case 2 -> {
        int i = rng.nextInt(FO_TABLES.length);
        sb.append("Business event tracked: table ").append(FO_TABLES[i]).append(" RecId=")
            .append(5637144576L + rng.nextInt(9_999_999)).append(" for entity ").append(FO_ENTITIES[i]);
        return "BusinessEvents";
      }
      case 3 -> {
        sb.append("Payload for ").append(pick(rng, FO_ENTITIES)).append(" serialized (")
            .append(400 + rng.nextInt(90_000)).append(" bytes), correlationId=");
        Ids.appendRandom(sb, rng);
        return "LiveSync";
      }
      default -> {
        sb.append("Cache hit for table metadata ").append(m[1]).append(" (version ")
            .append(1 + rng.nextInt(40)).append(')');
        return "Metadata";
      }
    }
  }

  /** A TRACE message; returns its component. */
  static String trace(SplittableRandom rng, StringBuilder sb) {
    if (rng.nextBoolean()) {
      sb.append("Entering DualWriteRuntime.ProcessBatch(batchSize=").append(50 << rng.nextInt(5)).append(')');
    } else {
      sb.append("Leaving DualWriteRuntime.ProcessBatch after ").append(rng.nextInt(3000)).append(" ms");
    }
    return "LiveSync";
  }

  /** A WARN message; returns its component and sets {@code stack[0]} to its stack trace or null. */
  static String warn(SplittableRandom rng, StringBuilder sb, String[][] stack) {
    String[] m = pick(rng, MAPS);
    stack[0] = null;
    switch (rng.nextInt(5)) {
      case 0 -> {
        sb.append("Transient failure calling Dataverse Web API for ").append(m[1]).append("; retry ")
            .append(1 + rng.nextInt(3)).append(" of 3 in ").append(500 << rng.nextInt(4)).append(" ms");
        stack[0] = STACK_HTTP;
        return "HttpClient";
      }
      case 1 -> {
        sb.append("Deadlock while writing outbound batch for ").append(m[0]).append("; the batch will be retried");
        stack[0] = STACK_SQL;
        return "LiveSync";
      }
      case 2 -> {
        sb.append("Write to ").append(m[1]).append(" cancelled after ").append(100 + rng.nextInt(20))
            .append(" s; record requeued");
        stack[0] = STACK_CANCELED;
        return "LiveSync";
      }
      case 3 -> {
        sb.append("HTTP 429 Too Many Requests from https://").append(pick(rng, ORGS))
            .append("; backing off ").append(1 + rng.nextInt(30)).append(" s");
        return "HttpClient";
      }
      default -> {
        sb.append("Alert threshold reached: ").append(10 + rng.nextInt(30))
            .append(" Application error entries within 15 minutes for '");
        map(sb, m);
        sb.append('\'');
        return "Alerts";
      }
    }
  }

  /**
   * An error-level message that no catalog entry describes; returns its component and sets
   * {@code stack[0]} to its stack trace or null.
   */
  static String unknownError(SplittableRandom rng, StringBuilder sb, String[][] stack) {
    String[] m = pick(rng, MAPS);
    stack[0] = null;
    switch (rng.nextInt(7)) {
      case 0 -> {
        sb.append("Upsert of a row of ").append(m[1]).append(" was rejected. Writes to ")
            .append(pick(rng, FO_ENTITIES))
            .append(" failed with error message Request failed with status code BadRequest and CDS error code : 0x")
            .append(Integer.toHexString(0x80040000 | rng.nextInt(0xFFFF)))
            .append(" response message: The value ").append(rng.nextInt(1_000_000)).append(" of '")
            .append(pick(rng, FIELDS)).append("' is outside the valid range.");
        return "LiveSync";
      }
      case 1 -> {
        sb.append("Execution of outbound batch ").append(rng.nextInt(1_000_000)).append(" for table map '");
        map(sb, m);
        sb.append("' failed: The underlying connection was closed: An unexpected error occurred on a send.");
        stack[0] = STACK_HTTP;
        return "OutboundQueue";
      }
      case 2 -> {
        sb.append("Outbound batch for ").append(m[0]).append(" abandoned after 3 deadlocks");
        stack[0] = STACK_SQL;
        return "LiveSync";
      }
      case 3 -> {
        sb.append("Record ").append(5637144576L + rng.nextInt(9_999_999)).append(" of ")
            .append(pick(rng, FO_ENTITIES)).append(" could not be exported: field '")
            .append(pick(rng, FIELDS)).append("' exceeds the maximum length of ")
            .append(10 << rng.nextInt(6)).append(" characters.");
        return "DualWriteSync";
      }
      case 4 -> {
        sb.append("Live sync for '");
        map(sb, m);
        sb.append("' paused: ").append(5 + rng.nextInt(50))
            .append(" consecutive failures; see the DualWriteErrorLog table.");
        return "LiveSync";
      }
      case 5 -> {
        sb.append("Plugin Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.PreCommitPlugin threw System.NullReferenceException on ")
            .append(m[1]).append(" (depth ").append(1 + rng.nextInt(3)).append(')');
        stack[0] = STACK_CANCELED;
        return "Plugin";
      }
      default -> {
        sb.append("HTTP POST https://").append(pick(rng, ORGS)).append("/api/data/v9.2/$batch failed with 502 (Bad Gateway) after ")
            .append(100 + rng.nextInt(30_000)).append(" ms; correlationId=");
        Ids.appendRandom(sb, rng);
        return "HttpClient";
      }
    }
  }
}
