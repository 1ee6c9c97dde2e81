/** What every module of the shop server shares: security, locale, the admin layout and the API's conventions. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.juchu.shop.system;
