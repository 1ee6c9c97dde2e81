/**
 * Documents (帳票): 納品書 and ピッキングリスト as PDF, and the PDF machinery (A4 pages, the embedded Japanese font,
 * tables that run over pages, page content kept out of the heap) that other documents such as 発注書 reuse.
 */
package jp.juchu.oms.documents;
