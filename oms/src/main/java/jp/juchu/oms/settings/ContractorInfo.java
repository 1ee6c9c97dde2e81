package jp.juchu.oms.settings;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** 契約者情報: one row, read by other modules (shipping slips' sender, 納品書' issuer), edited on the settings page. */
@Service
public class ContractorInfo {

    private final JdbcClient jdbc;

    ContractorInfo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contractor> get() {
        return jdbc.sql("""
                        select company_name, representative, postal_code, prefecture, address, phone, email,
                               registration_number
                        from contractor where id = 1
                        """)
                .query((rs, n) -> new Contractor(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .optional();
    }

    public void save(Contractor c) {
        jdbc.sql("""
                        insert into contractor (id, company_name, representative, postal_code, prefecture, address, phone, email,
                            registration_number)
                        values (1, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set company_name = excluded.company_name,
                            representative = excluded.representative, postal_code = excluded.postal_code,
                            prefecture = excluded.prefecture, address = excluded.address, phone = excluded.phone,
                            email = excluded.email, registration_number = excluded.registration_number,
                            updated_at = now()
                        """)
                .params(
                        c.companyName(),
                        c.representative(),
                        c.postalCode(),
                        c.prefecture(),
                        c.address(),
                        c.phone(),
                        c.email(),
                        c.registrationNumber())
                .update();
    }
}
