/** How every page writes money, dates, times and codes (the {@code @fmt} bean templates call). */
package jp.juchu.oms.pages;
