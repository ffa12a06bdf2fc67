-- Recent deliveries: an admin's Retry now on a retrying or held message.
ALTER TYPE "AuditAction" ADD VALUE 'delivery.retry_now';
