/** What every module of the OMS shares: security, locale, time zone and the page layout. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.juchu.oms.system;
