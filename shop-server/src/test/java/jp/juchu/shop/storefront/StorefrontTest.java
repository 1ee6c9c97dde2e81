package jp.juchu.shop.storefront;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The one context every storefront test shares: MockMvc, and mail sent to the in-process SMTP server
 * on {@link #SMTP_PORT} (each test class that reads mail registers GreenMail there).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(StorefrontFixtures.class)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + StorefrontTest.SMTP_PORT})
public @interface StorefrontTest {

    int SMTP_PORT = 43125;
}
