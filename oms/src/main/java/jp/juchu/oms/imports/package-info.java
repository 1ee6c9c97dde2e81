/** Automatic and manual order import (受注取込) from the merchant's shops: runs, watermark, quarantine. */
package jp.juchu.oms.imports;
