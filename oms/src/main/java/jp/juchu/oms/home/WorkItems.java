package jp.juchu.oms.home;

import java.util.List;

/**
 * The extension point for the day's work on ホーム: a module that knows of work waiting (mails that failed to send,
 * reports to a shop that failed, documents to print …) offers a bean of this type, and ホーム lists its items
 * without reading that module's tables.
 */
public interface WorkItems {

    /** The items to show now; an item with a count of 0 is not shown. */
    List<WorkItem> workItems();
}
