package jp.juchu.oms.settings;

/** The merchant's own details (契約者情報): the sender on shipping slips. */
public record Contractor(
        String companyName,
        String representative,
        String postalCode,
        String prefecture,
        String address,
        String phone,
        String email) {}
