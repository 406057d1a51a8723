# syntax=docker/dockerfile:1
# news-digest-bot: compiled, as a non-root user, against the PostgreSQL named
# by DATABASE_URL (the embedded PostgreSQL is left out of the image).

# 1. build: the same npm ci as CI runs (postinstall generates the Prisma client
#    and compiles src/ into dist/), then drop what running does not need
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY prisma ./prisma
COPY src ./src
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev --omit=optional --no-audit --no-fund

# 2. run
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY prisma ./prisma
COPY locales ./locales
COPY seeds ./seeds
USER node
EXPOSE 8080
# migrations apply at start; SIGTERM stops it gracefully (npm is not in between)
CMD ["node", "dist/main.js"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
