package jp.juchu.oms.imports;

import java.util.List;
import org.springframework.stereotype.Service;

/** What the import pages show and do: a connection's runs and quarantine, and "fetch now". */
@Service
public class ImportHistory {

    private final ImportRecords records;
    private final ImportScheduling.ImportScheduler scheduler;

    ImportHistory(ImportRecords records, ImportScheduling.ImportScheduler scheduler) {
        this.records = records;
        this.scheduler = scheduler;
    }

    public List<ImportRun> runs(long connectionId) {
        return records.runs(connectionId, 30);
    }

    public List<QuarantinedOrder> quarantined(long connectionId) {
        return records.quarantined(connectionId);
    }

    /**
     * "再取得": reads the last N days again (after a problem at the shop was fixed, say). Orders already
     * in the OMS stay as they are unless the shop changed them, so nothing is doubled.
     */
    public boolean refetchWindow(long connectionId) {
        records.forgetWatermark(connectionId);
        return scheduler.runNow(connectionId);
    }

    /** Schedules a run now; false when one is running at this moment. */
    public boolean runNow(long connectionId) {
        return scheduler.runNow(connectionId);
    }
}
