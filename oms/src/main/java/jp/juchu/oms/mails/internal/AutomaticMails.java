package jp.juchu.oms.mails.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderStatusChanged;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.OrdersImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Automatic mails: when an order enters a status (a status change by any path, or a new order arriving as 新規受付),
 * the fitting automatic templates are sent — a follow-up its days later, through a db-scheduler task. Only orders
 * imported after the template's automatic sending was switched on are mailed, so switching it on never reaches the
 * orders already there; an order that arrives already shipped or cancelled (the shop's history) gets nothing.
 */
@Service
class AutomaticMails {

    private static final Logger log = LoggerFactory.getLogger(AutomaticMails.class);
    static final String ACTOR = "システム (自動送信)";
    static final String NEW = "NEW";
    static final String CANCELLED = "CANCELLED";
    static final TaskDescriptor<String> FOLLOW_UP = TaskDescriptor.of("order-mail-follow-up", String.class);

    private final MailTemplates templates;
    private final MailSending sending;
    private final OrderMailValues values;
    private final Orders orders;
    private final SchedulerClient scheduler;
    private final ApplicationEventPublisher events;

    AutomaticMails(
            MailTemplates templates,
            MailSending sending,
            OrderMailValues values,
            Orders orders,
            @Lazy SchedulerClient scheduler,
            ApplicationEventPublisher events) {
        this.templates = templates;
        this.sending = sending;
        this.values = values;
        this.orders = orders;
        this.scheduler = scheduler;
        this.events = events;
    }

    /**
     * A status change mails only when an automatic template is on for the status entered. That is told here, in the
     * mover's transaction, and recorded as an event of its own: the event registry keeps an entry only for the
     * changes that may mail, not for every status change of every order (an import's routing moves thousands).
     */
    @EventListener
    void moved(OrderStatusChanged changed) {
        if (automaticOn(changed.to())) {
            events.publishEvent(new StatusEntered(changed.orderId(), changed.to(), changed.at()));
        }
    }

    /**
     * Whether an automatic template is on for the status: asked once per status in a transaction, since one
     * transaction may move a whole page of orders (the rules' routing of an import).
     */
    private boolean automaticOn(String status) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return templates.anyAutomaticOn(status);
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof AutomaticStatuses known && known.owner == this) {
                return known.on.computeIfAbsent(status, templates::anyAutomaticOn);
            }
        }
        AutomaticStatuses known = new AutomaticStatuses(this);
        TransactionSynchronizationManager.registerSynchronization(known);
        return known.on.computeIfAbsent(status, templates::anyAutomaticOn);
    }

    /** What one transaction learnt of the statuses with an automatic template on. */
    private static final class AutomaticStatuses implements TransactionSynchronization {
        private final AutomaticMails owner;
        private final Map<String, Boolean> on = new HashMap<>();

        AutomaticStatuses(AutomaticMails owner) {
            this.owner = owner;
        }
    }

    /** An order entered a status an automatic template is on for. */
    record StatusEntered(long orderId, String status, Instant at) {}

    @ApplicationModuleListener
    void on(StatusEntered entered) {
        entered(entered.orderId(), entered.status(), entered.at());
    }

    /** New orders enter as 新規受付 (or, from the shop's history, as shipped or cancelled: those get no mail). */
    @ApplicationModuleListener
    void on(OrdersImported imported) {
        if (!templates.anyAutomaticOn(NEW)) {
            return;
        }
        for (OrderDetail order : orders.headers(imported.orderIds())) {
            if (arrivedAsNew(order)) {
                entered(order.id(), NEW, Instant.now());
            }
        }
    }

    /**
     * Whether the order entered as 新規受付 rather than from the shop's history (cancelled, shipped or completed there):
     * judged by the shop's states, not the status it has now, which an automatic rule may already have moved on.
     */
    static boolean arrivedAsNew(OrderDetail order) {
        return !"Cancelled".equals(order.shopOrderStatus())
                && !"Completed".equals(order.shopOrderStatus())
                && !"Shipped".equals(order.shopShippingStatus())
                && !CANCELLED.equals(order.workflowStatus())
                && !"SHIPPED".equals(order.workflowStatus());
    }

    private void entered(long orderId, String status, Instant at) {
        Optional<OrderMailValues.Context> found = values.context(orderId);
        if (found.isEmpty()) {
            return;
        }
        OrderMailValues.Context context = found.get();
        OrderDetail order = context.order();
        if (CANCELLED.equals(order.workflowStatus()) && !CANCELLED.equals(status)) {
            return;
        }
        Instant importedAt = orders.importedAt(List.of(orderId)).get(orderId);
        for (MailTemplate t : templates.automaticFor(
                status, order.connectionId(), order.paymentMethod(), OrderMailValues.carriers(context))) {
            if (importedAt == null || importedAt.isBefore(t.autoSince().toInstant())) {
                log.debug("Order {} was imported before template {} was switched on: no mail", orderId, t.id());
                continue;
            }
            if (t.kind() == MailKind.FOLLOW_UP) {
                String key = orderId + ":" + t.id();
                scheduler.scheduleIfNotExists(
                        FOLLOW_UP.instance(key).data(key).build(), at.plus(Duration.ofDays(t.followDays())));
            } else {
                sending.send(orderId, t, MailSending.Trigger.AUTO, ACTOR);
            }
        }
    }

    /** A follow-up's day came: sent if the template still sends automatically and the order was not cancelled. */
    void followUp(long orderId, long templateId) {
        Optional<MailTemplate> template =
                templates.find(templateId).filter(t -> t.active() && t.autoSend() && t.kind() == MailKind.FOLLOW_UP);
        Map<Long, Instant> importedAt = orders.importedAt(List.of(orderId));
        if (template.isEmpty() || !importedAt.containsKey(orderId)) {
            return;
        }
        if (importedAt.get(orderId).isBefore(template.get().autoSince().toInstant())) {
            return;
        }
        boolean cancelled = orders.headers(List.of(orderId)).stream()
                .anyMatch(o -> CANCELLED.equals(o.workflowStatus()) || "Cancelled".equals(o.shopOrderStatus()));
        if (!cancelled) {
            sending.send(orderId, template.get(), MailSending.Trigger.FOLLOW_UP, ACTOR);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        OneTimeTask<String> orderMailFollowUpTask(AutomaticMails mails) {
            return Tasks.oneTime(FOLLOW_UP).execute((instance, context) -> {
                String[] ids = instance.getData().split(":");
                mails.followUp(Long.parseLong(ids[0]), Long.parseLong(ids[1]));
            });
        }
    }
}
