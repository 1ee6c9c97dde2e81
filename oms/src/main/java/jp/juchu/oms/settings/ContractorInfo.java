package jp.juchu.oms.settings;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** 契約者情報: one row, read by other modules (shipping slips' sender), edited on the settings page. */
@Service
public class ContractorInfo {

    private final JdbcClient jdbc;

    ContractorInfo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contractor> get() {
        return jdbc.sql("""
                        select company_name, representative, postal_code, prefecture, address, phone, email
                        from contractor where id = 1
                        """).query(Contractor.class).optional();
    }

    public void save(Contractor c) {
        jdbc.sql("""
                        insert into contractor (id, company_name, representative, postal_code, prefecture, address, phone, email)
                        values (1, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set company_name = excluded.company_name,
                            representative = excluded.representative, postal_code = excluded.postal_code,
                            prefecture = excluded.prefecture, address = excluded.address, phone = excluded.phone,
                            email = excluded.email, updated_at = now()
                        """)
                .params(
                        c.companyName(),
                        c.representative(),
                        c.postalCode(),
                        c.prefecture(),
                        c.address(),
                        c.phone(),
                        c.email())
                .update();
    }
}
