/**
 * オプション設定: the switches of the OMS's optional parts in one place — automatic processing, each shop's scheduled
 * fetching and shipment reports, each template's automatic mail — each written through the module that reads it.
 */
package jp.juchu.oms.options;
