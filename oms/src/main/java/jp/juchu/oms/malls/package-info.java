/** The merchant's shops on the malls (モール接続): connection settings, stored keys, and the Shop Serve connector. */
package jp.juchu.oms.malls;
