package jp.juchu.oms.orders;

/** Someone else saved the order after the person opened it for editing; nothing of the edit was saved. */
public class OrderEditConflict extends RuntimeException {

    OrderEditConflict(String savedBy) {
        super("この受注は、編集を始めた後に " + savedBy + " が更新しました。最新の内容を確認してから、もう一度保存してください（入力した内容は残してあります）");
    }
}
