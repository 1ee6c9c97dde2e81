/** Sales channels (モール接続): mall connections and their keys, the mall connector (Shop Serve's in {@code shopserve}), the own channels. */
package jp.juchu.oms.malls;
